// Renders icons/icon-{16,32,48,128}.png from the SVG below with the test chromium (run once; the
// PNGs are committed because Chromium does not take SVG toolbar icons).
// Usage: node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#0b5cad"/>
  <g stroke="#fff" stroke-width="9" stroke-linecap="round" fill="none">
    <path d="M64 40 L34 90"/><path d="M64 40 L94 90"/><path d="M64 40 L64 96"/>
  </g>
  <circle cx="64" cy="36" r="16" fill="#ffd33d"/>
  <g fill="#fff"><circle cx="32" cy="94" r="11"/><circle cx="64" cy="98" r="11"/><circle cx="96" cy="94" r="11"/></g>
</svg>`;

const out = fileURLToPath(new URL('../icons/', import.meta.url));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`);
  await page.screenshot({ path: `${out}icon-${size}.png`, omitBackground: true });
}
await browser.close();
console.log('icons written to', out);
