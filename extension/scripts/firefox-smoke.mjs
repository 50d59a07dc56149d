// Firefox smoke run from the command line: node scripts/firefox-smoke.mjs (see e2e/firefox-smoke.js).
import { firefoxSmoke } from '../e2e/firefox-smoke.js';

try {
  const { capture, seconds } = await firefoxSmoke();
  console.log(`ok - Firefox ESR captured ${capture.url.split('#')[0]} in ${seconds.toFixed(1)} s: by ${capture.authors.map((a) => a.name).join(', ')}, ${capture.referenceCount} references`);
} catch (e) {
  console.error(`not ok - ${e.message}`);
  process.exitCode = 1;
}
