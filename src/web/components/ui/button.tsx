import type { ComponentPropsWithRef } from 'react';

type Variant = 'primary' | 'secondary' | 'quiet';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: Variant;
}

/** A button. `aria-disabled` (not `disabled`) keeps it focusable so keyboard users keep their place. */
export function Button({
  variant = 'secondary',
  className,
  type = 'button',
  ...rest
}: ButtonProps) {
  const classes = ['button', `button-${variant}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
