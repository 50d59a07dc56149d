// Options: the server address and token. Saving asks the browser for access to that one host (the
// manifest only lists it as optional), then "Test connection" checks both that the server answers
// and that it accepts the token.

import { ext, loadSettings, saveSettings } from '../common/ext.js';
import { createClient, describeError } from '../lib/api.js';
import { hostPermissionPattern, isInsecureRemote, normalizeServerUrl, normalizeToken } from '../lib/settings.js';

const $ = (id) => document.getElementById(id);

async function main() {
  const settings = await loadSettings();
  $('server-url').value = settings.serverUrl;
  $('token').value = settings.token;
  $('form').addEventListener('submit', onSave);
  $('test').addEventListener('click', onTest);
  $('show-token').addEventListener('click', toggleToken);
  const commands = await ext.commands?.getAll?.().catch(() => []) ?? [];
  for (const [name, id] of [['capture-page', 'capture-key'], ['_execute_action', 'popup-key']]) {
    const shortcut = commands.find((c) => c.name === name)?.shortcut;
    $(id).textContent = shortcut || 'not set';
  }
}

function toggleToken() {
  const input = $('token');
  const show = input.type === 'password';
  input.type = show ? 'text' : 'password';
  $('show-token').textContent = show ? 'Hide' : 'Show';
  $('show-token').setAttribute('aria-pressed', String(show));
}

function read() {
  const server = normalizeServerUrl($('server-url').value);
  return { server, token: normalizeToken($('token').value) };
}

// The permission request must run inside the click, before any await, or the browser refuses it.
function onSave(event) {
  event.preventDefault();
  const { server, token } = read();
  if (!server.ok) return show(server.error, 'error');
  const granted = ext.permissions.request({ origins: [hostPermissionPattern(server.url)] });
  finishSave(granted, server.url, token);
}

async function finishSave(grantedPromise, serverUrl, token) {
  let granted = false;
  try {
    granted = await grantedPromise;
  } catch {
    granted = false;
  }
  $('server-url').value = serverUrl;
  $('token').value = token;
  await saveSettings({ serverUrl, token });
  const notes = [];
  if (!granted) notes.push('Access to the server was not granted; hqt still works if the server allows extension origins (CORS), which hqt does.');
  if (isInsecureRemote(serverUrl)) notes.push('This address is plain http on another machine: the token travels unencrypted. Prefer https.');
  show(['Saved.', ...notes].join(' '), notes.length ? 'warn' : 'ok');
  await check(serverUrl, token);
}

async function onTest() {
  const { server, token } = read();
  if (!server.ok) return show(server.error, 'error');
  await check(server.url, token);
}

async function check(serverUrl, token) {
  const client = createClient({ serverUrl, token, timeoutMs: 8000 });
  show(`Connecting to ${serverUrl}…`, 'muted');
  try {
    await client.health();
  } catch (e) {
    const d = describeError(e, serverUrl);
    return show(`${d.title}. ${d.action}`, 'error');
  }
  if (!token) return show(`The server at ${serverUrl} answers. Now paste your token.`, 'warn');
  try {
    const page = await client.listCaptures(1);
    const count = page?.items?.length ? 'Your captures are there.' : 'No captures yet.';
    show(`Connected: the server answers and accepts the token. ${count}`, 'ok');
  } catch (e) {
    const d = describeError(e, serverUrl);
    show(`${d.title}. ${d.action}`, 'error');
  }
}

function show(message, tone) {
  const result = $('result');
  result.hidden = false;
  result.className = `status status-${tone}`;
  result.textContent = message;
}

main();
