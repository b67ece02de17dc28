/**
 * Files that riskgate recognizes but cannot take as evidence, each with what to upload instead.
 * Recognizing them matters: a vegeta or wrk report must get a clear refusal, never a wrong reading.
 */
import { SUPPORTED_TOOLS } from './reader.js';
import { isRecord } from './values.js';

const SUPPORTED = `riskgate reads ${SUPPORTED_TOOLS} reports`;

interface Refusal {
  matches(text: string, json: unknown, name: string): boolean;
  reason: string;
}

const REFUSALS: Refusal[] = [
  {
    matches: (text, _json, name) => name.endsWith('.log') && /^\0/.test(text),
    reason:
      "is Gatling's binary simulation.log (Gatling 3.13+), which riskgate cannot read: upload the HTML report's js/global_stats.json (or js/stats.json) instead",
  },
  {
    matches: (_text, json) =>
      isRecord(json) && isRecord(json.latencies) && 'status_codes' in json && 'requests' in json,
    reason: `is a vegeta JSON report, an unsupported format (${SUPPORTED})`,
  },
  {
    matches: (_text, json) =>
      isRecord(json) && 'connections' in json && isRecord(json.requests) && 'non2xx' in json,
    reason: `is an autocannon JSON report, an unsupported format (${SUPPORTED})`,
  },
  {
    matches: (text) => /^Running .+ test @ /m.test(text) && /^Requests\/sec:/m.test(text),
    reason: `is a wrk text report, an unsupported format (${SUPPORTED})`,
  },
  {
    matches: (text) => /^\s*http_reqs\.*:/m.test(text) && /^\s*(scenarios|execution):/m.test(text),
    reason:
      'is k6 console output, which is not machine-readable: export the summary with `k6 run --summary-export=FILE` (or a JSON handleSummary) instead',
  },
  {
    matches: (text) => /^\s*(<\?xml[^>]*>\s*)?<testResults[\s>]/.test(text),
    reason:
      'is a JMeter XML results file, an unsupported format: save results as CSV (the default JTL format) instead',
  },
  {
    matches: (text) => /^\d{10,},\d+,/.test(text),
    reason:
      'looks like a JMeter CSV results file without its header row: keep jmeter.save.saveservice.print_field_names=true (the default)',
  },
];

/** Why riskgate refuses this recognized file, or null when it is none of the refused kinds. */
export function refusalOf(text: string, json: unknown, name: string): string | null {
  return REFUSALS.find((refusal) => refusal.matches(text, json, name))?.reason ?? null;
}
