// Know your students over HTTP: a student's own profile, questionnaires answered by students
// and teachers about themselves, the shared part of a profile for a student's teacher, and the
// teacher's list of students. Routes parse, call one service function and return.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import {
  KnowStudentsResponse,
  QuestionnaireLinkResponse,
  MyProfileResponse,
  QuestionnaireQuery,
  SaveProfileBody,
  StudentProfileParams,
  StudentProfileResponse,
  StopQuestionnaireLinkResponse,
} from '../../../contracts/know.js';
import {
  MyQuestionnaireResponse,
  QuestionnaireItemParams,
  QuestionnaireParams,
  ResponseProgress,
  SaveAnswerBody,
  SubmitResponseBody,
} from '../../../contracts/questionnaires.js';
import { loadQuestionnaires } from '../../platform/content/questionnaires.js';
import { respondentOf } from './know.policy.js';
import {
  getMyProfile,
  getStudentProfile,
  listKnowStudents,
  saveMyProfile,
} from './profiles.service.js';
import {
  createQuestionnaireLink,
  getMyQuestionnaire,
  saveAnswer,
  stopQuestionnaireLink,
  submitResponse,
} from './questionnaires.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
// Students and teachers signed in, or a student through a one-time link from their teacher.
const RESPONDENTS = { link: 'questionnaire', roles: ['student', 'teacher'] } as const;

const knowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  // Loaded (and checked) while the app is built, so bad content stops start-up.
  loadQuestionnaires();

  app.get(
    '/questionnaires/:questionnaireId/mine',
    {
      config: { policy: RESPONDENTS },
      schema: {
        params: QuestionnaireParams,
        querystring: QuestionnaireQuery,
        response: { 200: MyQuestionnaireResponse, ...errors },
      },
    },
    async (req) =>
      getMyQuestionnaire(
        db.kysely,
        respondentOf(req.actor, req.linkActor, req.params.questionnaireId),
        req.params.questionnaireId,
        req.query.lang ?? req.actor?.locale ?? 'en',
      ),
  );

  app.put(
    '/questionnaires/:questionnaireId/mine/items/:itemId',
    {
      config: { policy: RESPONDENTS },
      schema: {
        params: QuestionnaireItemParams,
        body: SaveAnswerBody,
        response: { 200: ResponseProgress, ...errors },
      },
    },
    async (req) =>
      saveAnswer(
        db.kysely,
        respondentOf(req.actor, req.linkActor, req.params.questionnaireId),
        req.params.questionnaireId,
        req.params.itemId,
        req.body,
        app.deps.now(),
      ),
  );

  app.post(
    '/questionnaires/:questionnaireId/mine/submit',
    {
      config: { policy: RESPONDENTS },
      schema: {
        params: QuestionnaireParams,
        body: SubmitResponseBody,
        response: { 200: ResponseProgress, ...errors },
      },
    },
    async (req) =>
      submitResponse(
        db.kysely,
        respondentOf(req.actor, req.linkActor, req.params.questionnaireId),
        req.params.questionnaireId,
        req.body.shared,
        app.deps.now(),
      ),
  );

  app.get(
    '/profile/mine',
    {
      config: { policy: ['student'] },
      schema: { response: { 200: MyProfileResponse, ...errors } },
    },
    async (req) => getMyProfile(db.kysely, req.ctx!),
  );

  app.put(
    '/profile/mine',
    {
      config: { policy: ['student'] },
      schema: { body: SaveProfileBody, response: { 200: MyProfileResponse, ...errors } },
    },
    async (req) => saveMyProfile(db.kysely, req.ctx!, req.body),
  );

  app.get(
    '/students',
    {
      config: { policy: ['teacher'] },
      schema: { response: { 200: KnowStudentsResponse, ...errors } },
    },
    async (req) => listKnowStudents(db.kysely, req.ctx!),
  );

  app.post(
    '/students/:studentId/links',
    {
      config: { policy: ['teacher'] },
      schema: {
        params: StudentProfileParams,
        response: { 201: QuestionnaireLinkResponse, ...errors },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createQuestionnaireLink(db.kysely, req.ctx!, req.params.studentId);
    },
  );

  app.delete(
    '/students/:studentId/links',
    {
      config: { policy: ['teacher'] },
      schema: {
        params: StudentProfileParams,
        response: { 200: StopQuestionnaireLinkResponse, ...errors },
      },
    },
    async (req) => stopQuestionnaireLink(db.kysely, req.ctx!, req.params.studentId),
  );

  app.get(
    '/students/:studentId/profile',
    {
      config: { policy: ['teacher', 'leader', 'district_admin'] },
      schema: {
        params: StudentProfileParams,
        response: { 200: StudentProfileResponse, ...errors },
      },
    },
    async (req) => getStudentProfile(db.kysely, req.ctx!, req.params.studentId),
  );
};

export default knowRoutes;
