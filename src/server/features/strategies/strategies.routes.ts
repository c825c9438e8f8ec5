import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import {
  Strategy,
  StrategyListQuery,
  StrategyListResponse,
  StrategyParams,
  StrategyQuery,
} from '../../../contracts/strategies.js';
import {
  getStrategy,
  listStrategies,
  loadStrategyLibrary,
} from '../../platform/content/strategies.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export interface StrategiesRoutesOptions {
  /** Folder holding <lang>/<slug>.md; tests pass their own. Default: content/strategies. */
  contentRoot?: string;
}

// The library is the same for every district: reading for the adults, no student data in it.
const strategiesRoutes: FastifyPluginAsyncTypebox<StrategiesRoutesOptions> = async (app, opts) => {
  // Loaded (and validated) while the app is built, so bad content stops start-up.
  const library = loadStrategyLibrary(opts.contentRoot);

  app.get(
    '/',
    {
      config: { policy: ['teacher', 'coach', 'leader', 'district_admin'] },
      schema: {
        querystring: StrategyListQuery,
        response: { 200: StrategyListResponse, ...errors },
      },
    },
    async (req) =>
      listStrategies(library, {
        lang: req.query.lang ?? req.actor!.locale,
        stage: req.query.stage,
      }),
  );

  app.get(
    '/:slug',
    {
      config: { policy: ['teacher', 'coach', 'leader', 'district_admin'] },
      schema: {
        params: StrategyParams,
        querystring: StrategyQuery,
        response: { 200: Strategy, ...errors },
      },
    },
    async (req) => getStrategy(library, req.params.slug, req.query.lang ?? req.actor!.locale),
  );
};

export default strategiesRoutes;
