/** The indirect rule's report of `helper()` called in async function `main`, whose chain ends at an API with an async twin. */
export function indirectInMain(helper: string, chain: string, twin: string) {
  return {
    messageId: 'indirectBlockingCall' as const,
    data: {
      api: `${helper}()`,
      context: 'inside async function `main`',
      chain,
      remedy: `make the chain async with \`${twin}\``,
    },
  };
}
