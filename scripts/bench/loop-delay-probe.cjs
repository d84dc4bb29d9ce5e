// Preloaded into the benchmarked server (`node --require`): measures its event-loop delay without touching the
// app, and answers the benchmark over IPC ('reset' → starts a new window, 'report' → the window's figures).
const { monitorEventLoopDelay } = require('node:perf_hooks');

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
process.on('message', (message) => {
  if (message === 'reset') histogram.reset();
  if (message === 'report') {
    const ms = (ns) => Math.round((ns / 1e6) * 10) / 10;
    process.send?.({ max: ms(histogram.max), p99: ms(histogram.percentile(99)), mean: ms(histogram.mean) });
  }
});
process.channel?.unref();
