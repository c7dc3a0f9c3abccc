// `tsx test/bench/quick.ts`: only the keystroke budgets (parse + analyse + validate of 10,000
// lines, completion and hover p99), for iterating; `npm run bench` runs every budget.
import { defaultService, generatedInput, pipelineCases, positionalCase } from './inProcess';

const service = defaultService();
const input = generatedInput(10_000);
const together = pipelineCases(input, service).find((r) => r.case === 'parse+analyse+validate')!;
process.stdout.write(`parse+analyse+validate 10,000 lines: median ${together.median.toFixed(2)} ms, p95 ${together.p95.toFixed(2)} ms\n`);
for (const name of ['completion', 'hover'] as const) {
  const result = positionalCase(name, input, service)!;
  process.stdout.write(`${name}: p50 ${result.median.toFixed(3)} ms, p99 ${result.p99.toFixed(3)} ms\n`);
}
