/**
 * The W3C Nu Html Checker, the validator behind validator.w3.org/nu, from the `vnu-jar` package:
 * it parses pages as the HTML standard does and catches what tree rules cannot (content after
 * `</html>`, a `<script>` where none may stand). It checks pages by their URL on the served site,
 * so that a policy's `'self'` means the site's origin as it would on a host (checked as files,
 * every same-origin stylesheet looks like a policy violation).
 */
import { spawn } from 'node:child_process';
import vnuJar from 'vnu-jar';

/** One message of the checker's JSON report. */
export interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  message: string;
  lastLine?: number;
  firstColumn?: number;
  extract?: string;
}

/** Checks the pages at `urls` in one run of the checker; resolves with every message it gave. */
export function checkPages(urls: readonly string[]): Promise<NuMessage[]> {
  return new Promise((resolve, reject) => {
    // The checker refuses loopback addresses unless told that fetching them is intended.
    const child = spawn('java', ['-Dnu.validator.servlet.allow-forbidden-hosts=true', '-jar', String(vnuJar), '--format', 'json', ...urls], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let report = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      report += chunk;
    });
    child.on('error', (error) => reject(new Error(`The Nu Html Checker needs Java on the PATH: ${error.message}`)));
    child.on('close', () => {
      try {
        resolve((JSON.parse(report) as { messages: NuMessage[] }).messages);
      } catch {
        reject(new Error(`The Nu Html Checker gave no JSON report:\n${report.slice(0, 2000)}`));
      }
    });
  });
}

/** A message as a reader of the test output wants it: page, line, column, what is wrong. */
export function describeMessage(message: NuMessage, root: string): string {
  const place = message.lastLine === undefined ? '' : `:${message.lastLine}:${message.firstColumn ?? 0}`;
  const kind = message.subType ?? message.type;
  return `${message.url.replace(root, '/')}${place} ${kind}: ${message.message}`;
}
