// The upload form: sends the file with its fields, shows how much has been sent, then follows the upload on the server
// (checked, staged, merged) until it is done, and opens its page. On an upload's page still being merged, it follows
// that upload and reloads the page when it is done.
const pollEveryMs = 1000;

const form = document.getElementById('upload-form');
if (form) {
  setUpForm(form);
}

const watch = document.getElementById('upload-watch');
if (watch) {
  follow(watch.dataset.upload, document.getElementById('upload-bar'), document.getElementById('upload-phase'))
    .then(() => window.location.reload());
}

function setUpForm(form) {
  const input = document.getElementById('upload-file');
  const zone = document.getElementById('drop-zone');
  const chosen = document.getElementById('chosen-file');
  const showChosen = () => { chosen.textContent = input.files.length ? `${input.files[0].name} (${size(input.files[0].size)})` : chosen.textContent; };
  input.addEventListener('change', showChosen);
  zone.addEventListener('dragover', event => { event.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('dragging');
    if (event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      showChosen();
    }
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    send(form).catch(error => showProblem(`The upload stopped: ${error.message ?? error}. Send it again: nothing is stored twice.`));
  });
}

async function send(form) {
  const bar = document.getElementById('upload-bar');
  const phase = document.getElementById('upload-phase');
  const button = document.getElementById('upload-send');
  document.getElementById('upload-problem').hidden = true;
  document.getElementById('upload-progress').hidden = false;
  button.disabled = true;
  const data = new FormData(form);
  const token = data.get('__RequestVerificationToken');
  data.delete('__RequestVerificationToken');
  try {
    const response = await post(form.action, data, token, (sent, total) => {
      bar.max = 100;
      bar.value = Math.round(100 * sent / total);
      phase.textContent = sent < total ? `Sending the file: ${bar.value}% of ${size(total)}` : 'Sent. Reading and checking the features…';
      if (sent >= total) {
        bar.removeAttribute('value');
      }
    });
    if (response.status !== 200 && response.status !== 202) {
      showProblem(problemText(response.body));
      return;
    }

    await follow(response.body.id, bar, phase);
    window.location.assign(`/uploads/${response.body.id}`);
  } finally {
    button.disabled = false;
  }
}

/** POSTs the form with XMLHttpRequest, whose upload events tell how much of the file has gone. */
function post(url, data, token, progress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.responseType = 'json';
    request.setRequestHeader('RequestVerificationToken', token);
    // A retry after a dropped link is the same upload, never a second one.
    if (globalThis.crypto?.randomUUID) {
      request.setRequestHeader('Idempotency-Key', crypto.randomUUID());
    }
    request.upload.addEventListener('progress', event => event.lengthComputable && progress(event.loaded, event.total));
    request.addEventListener('load', () => resolve({ status: request.status, body: request.response }));
    request.addEventListener('error', () => reject(new Error('the connection was lost')));
    request.send(data);
  });
}

/** Polls the upload until it is DONE or FAILED, showing the features checked and merged so far. */
async function follow(id, bar, phase) {
  for (;;) {
    const response = await fetch(`/api/uploads/${id}?limit=1`, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status} while following the upload`);
    }

    const status = await response.json();
    if (status.state === 'DONE' || status.state === 'FAILED') {
      bar.max = 100;
      bar.value = 100;
      phase.textContent = `${status.state === 'DONE' ? 'Done' : 'Failed'}: ${status.accepted} accepted, ${status.rejected} refused.`;
      return status;
    }

    const total = status.progress.total;
    if (total) {
      bar.max = total;
      bar.value = status.progress.done;
    }
    phase.textContent = `${status.state === 'PROCESSING' ? 'Merging into the register' : 'Checking'}: ` +
      `${status.progress.done} of ${total ?? '?'} features, ${status.accepted} accepted, ${status.rejected} refused so far.`;
    await new Promise(resolve => setTimeout(resolve, pollEveryMs));
  }
}

function problemText(problem) {
  if (!problem) {
    return 'The upload was refused.';
  }

  const errors = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
  return [problem.title, problem.detail, ...errors].filter(Boolean).join(' — ');
}

function showProblem(text) {
  const box = document.getElementById('upload-problem');
  box.textContent = text;
  box.hidden = false;
  document.getElementById('upload-progress').hidden = true;
}

function size(bytes) {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
