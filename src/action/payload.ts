/** The event payload the runner wrote to GITHUB_EVENT_PATH. */
import { readFile } from 'node:fs/promises';
import { InputError } from './inputs.js';

export async function readPayload(path: string | null): Promise<Record<string, unknown>> {
  if (path === null) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the event payload ${path}: ${(error as Error).message}`);
  }
  if (text.trim() === '') return {};
  try {
    const payload: unknown = JSON.parse(text);
    if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
      return payload as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  throw new InputError(`the event payload ${path} is not a JSON object`);
}
