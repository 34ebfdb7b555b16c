// Our request plugins as ONE plugin for Apollo: Apollo walks every plugin's listener for each of
// the ten-odd stages of every request (a promise per listener and stage); chained, the stages
// they do not use cost nothing and the ones they use run their hooks in order, every one of them
// even when one before failed (the first failure is what Apollo sees). Only the hooks
// below are chained: a plugin that uses another is refused at start rather than silently ignored.
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Context } from '../platform/context';

type Listener = GraphQLRequestListener<Context>;
const CHAINED = new Set(['didResolveOperation', 'didEncounterErrors', 'willSendResponse']);
const SERVER_HOOKS = new Set(['requestDidStart', 'unexpectedErrorProcessingRequest']);

function checked(listener: Listener | void): Listener | null {
  if (!listener) return null;
  for (const hook of Object.keys(listener)) if (!CHAINED.has(hook)) throw new Error(`chainPlugins: the ${hook} hook is not chained`);
  return listener;
}

/** Runs `hook` of every listener in order, each even when one before failed (as Apollo's Promise.all did); the first failure is thrown. */
async function each(listeners: readonly Listener[], hook: (l: Listener) => unknown): Promise<void> {
  let failure: { error: unknown } | null = null;
  for (const l of listeners) {
    try {
      await hook(l);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

export function chainPlugins(plugins: readonly ApolloServerPlugin<Context>[]): ApolloServerPlugin<Context> {
  for (const plugin of plugins) for (const hook of Object.keys(plugin)) if (!SERVER_HOOKS.has(hook)) throw new Error(`chainPlugins: the ${hook} hook is not chained`);
  return {
    async requestDidStart(requestContext) {
      const listeners: Listener[] = [];
      for (const plugin of plugins) {
        const listener = checked(await plugin.requestDidStart?.(requestContext));
        if (listener) listeners.push(listener);
      }
      return {
        didResolveOperation: (context) => each(listeners, (l) => l.didResolveOperation?.(context)),
        didEncounterErrors: (context) => each(listeners, (l) => l.didEncounterErrors?.(context)),
        willSendResponse: (context) => each(listeners, (l) => l.willSendResponse?.(context)),
      };
    },
    async unexpectedErrorProcessingRequest(context) {
      for (const plugin of plugins) await plugin.unexpectedErrorProcessingRequest?.(context);
    },
  };
}
