import { useClass } from '../../features/classes/api/get-class.js';
import { ClassRatiosPage } from '../../features/practice/components/class-ratios-page.js';

/** A class's ratios, titled from the class view's request (usually already cached). */
export function ClassRatiosWithTitle({ classId }: { classId: string }) {
  const cls = useClass(classId);
  return <ClassRatiosPage classId={classId} classTitle={cls.data?.title ?? null} />;
}
