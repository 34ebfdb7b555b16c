// Our request plugins chained into one (server/app/plugin-chain.ts): every hook runs, in order,
// even after one before it failed; the first failure is what Apollo sees; a hook the chain does
// not carry is refused when the chain is built, not silently dropped.
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { chainPlugins } from '../../server/app/plugin-chain';
import type { Context } from '../../server/platform/context';

const ctx = {} as GraphQLRequestContext<Context>;
type Hook = 'didResolveOperation' | 'didEncounterErrors' | 'willSendResponse';

function recorder(name: string, calls: string[], fails: Hook[] = []): ApolloServerPlugin<Context> {
  const hook = (h: Hook) => async () => {
    calls.push(`${name}.${h}`);
    if (fails.includes(h)) throw new Error(`${name} ${h}`);
  };
  return {
    async requestDidStart() {
      calls.push(`${name}.start`);
      return { didResolveOperation: hook('didResolveOperation'), didEncounterErrors: hook('didEncounterErrors'), willSendResponse: hook('willSendResponse') };
    },
  };
}

describe('chained plugins', () => {
  it('run each stage’s hooks in order, all of them, and throw the first failure', async () => {
    const calls: string[] = [];
    const chained = chainPlugins([recorder('a', calls), recorder('b', calls, ['didResolveOperation']), recorder('c', calls, ['didResolveOperation'])]);
    const listener = (await chained.requestDidStart!(ctx))!;
    await expect(listener.didResolveOperation!(ctx as never)).rejects.toThrow('b didResolveOperation');
    await listener.willSendResponse!(ctx as never);
    expect(calls).toEqual(['a.start', 'b.start', 'c.start', 'a.didResolveOperation', 'b.didResolveOperation', 'c.didResolveOperation', 'a.willSendResponse', 'b.willSendResponse', 'c.willSendResponse']);
  });

  it('carry the server-level hook for unexpected errors', async () => {
    const seen: unknown[] = [];
    const chained = chainPlugins([{ unexpectedErrorProcessingRequest: async ({ error }) => void seen.push(error) }, recorder('x', [])]);
    const error = new Error('boom');
    await chained.unexpectedErrorProcessingRequest!({ requestContext: ctx, error });
    expect(seen).toEqual([error]);
  });

  it('refuse a hook they do not carry', async () => {
    expect(() => chainPlugins([{ serverWillStart: async () => undefined }])).toThrow(/serverWillStart/);
    const chained = chainPlugins([{ requestDidStart: async () => ({ executionDidStart: async () => undefined }) }]);
    await expect(chained.requestDidStart!(ctx)).rejects.toThrow(/executionDidStart/);
  });
});
