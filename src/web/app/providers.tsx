import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { sessionQueryKey } from '../features/auth/api/get-session.js';
import { setLocale } from '../features/auth/api/set-locale.js';
import { ApiError } from '../lib/api-client.js';

function makeQueryClient(): QueryClient {
  // A 401 from any request means the session ended (expired, signed out elsewhere): forget it,
  // and the session guard sends the person to sign in.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401)
      client.setQueryData(sessionQueryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({
      onError,
      // Some answers carry text the server wrote in the account's language (a stage's reason):
      // once a new language is saved, fetch again what is shown.
      onSuccess: (_data, _variables, _context, mutation) => {
        if (mutation.options.mutationFn === setLocale)
          void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
      },
    }),
    defaultOptions: {
      queries: {
        // Try once even when the browser says it is offline: the service worker may answer
        // from its cache (service-worker/sw.ts). Only retries wait for the network.
        networkMode: 'offlineFirst',
        // Retrying cannot fix a refusal or bad input, only a network or server failure.
        retry: (failures, error) =>
          (error instanceof ApiError ? error.retryable : true) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
