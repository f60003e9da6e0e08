// Small DOM helpers shared by every page: element builder, loading/empty/error states, tables, dialogs.

/** h('button.primary', {onclick}, 'Text') builds an element; attrs starting with "on" become listeners. */
export function h(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (attrs === null || typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs)) {
    children.unshift(attrs);
    attrs = {};
  }
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && k !== 'list' && k !== 'form') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function loading(text = 'Loading…') {
  return h('p.state.loading', { role: 'status' }, h('span.spinner', { 'aria-hidden': 'true' }), text);
}

export function empty(text) {
  return h('p.state.empty', text);
}

/** An error box with Tencent's code and message (and RequestId, for the server log). */
export function errorBox(e) {
  const code = e.code || 'ClientError';
  const box = h('div.error', { role: 'alert' },
    h('strong.code', code), ' ', h('span.message', e.message || String(e)));
  if (e.unsupported) {
    box.append(h('p.hint', `${e.action || 'This action'} is not available on this server yet.`));
  }
  if (e.requestId) box.append(h('small.request-id', ` RequestId ${e.requestId}`));
  return box;
}

/** Renders `promise` into `el`: a loading state first, then render(result) or the error. */
export async function into(el, promise, render) {
  clear(el, loading());
  try {
    const value = await promise;
    clear(el, render(value));
    return value;
  } catch (e) {
    clear(el, errorBox(e));
    if (!e.code) console.error(e);
    return undefined;
  }
}

/** A table of `rows` with `columns` [{title, value(row) -> Node|string}], or the empty text. */
export function table(rows, columns, emptyText, caption) {
  if (!rows.length) return empty(emptyText);
  return h('div.table-wrap',
    h('table',
      caption ? h('caption', caption) : null,
      h('thead', h('tr', columns.map((c) => h('th', { scope: 'col' }, c.title)))),
      h('tbody', rows.map((r) => h('tr', columns.map((c) => h('td', { dataset: { label: c.title } }, c.value(r) ?? '–')))))));
}

let toastTimer;
export function toast(text) {
  const t = document.getElementById('toast');
  t.textContent = text;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 4000);
}

/**
 * A modal form. fields: [{name, label, type?, options?, value?, required?, placeholder?, help?}].
 * submit(values) runs the API call; its error stays in the dialog so the user can fix the input.
 */
export function formDialog(title, fields, submit, submitLabel = 'OK') {
  return new Promise((resolve) => {
    const errors = h('div.dialog-errors', { 'aria-live': 'assertive' });
    const inputs = {};
    const rows = fields.map((f) => {
      const id = `f-${f.name}-${Math.random().toString(36).slice(2, 7)}`;
      let input;
      if (f.options) {
        input = h('select', { id, name: f.name, required: f.required, 'aria-label': f.label },
          f.options.map((o) => {
            const [value, label] = Array.isArray(o) ? o : [o, o];
            return h('option', { value, selected: String(f.value ?? '') === String(value) }, label);
          }));
      } else {
        input = h('input', { id, name: f.name, type: f.type || 'text', required: f.required, 'aria-label': f.label, placeholder: f.placeholder || '',
          value: f.value ?? '', autocomplete: 'off' });
      }
      inputs[f.name] = input;
      return h('div.field', h('label', { htmlFor: id }, f.label, f.required ? h('span.req', { 'aria-hidden': 'true' }, ' *') : null),
        input, f.help ? h('small.help', f.help) : null);
    });
    const dialog = h('dialog.form-dialog', { 'aria-labelledby': 'dlg-title' });
    const ok = h('button.primary', { type: 'submit' }, submitLabel);
    const cancel = h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel');
    const form = h('form', { method: 'dialog' }, h('h2', { id: 'dlg-title' }, title), rows, errors, h('div.actions', cancel, ok));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const values = Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value.trim()]));
      ok.disabled = true;
      clear(errors, loading('Saving…'));
      try {
        const result = await submit(values);
        dialog.close();
        resolve(result ?? true);
      } catch (e) {
        clear(errors, errorBox(e));
      } finally {
        ok.disabled = false;
      }
    });
    dialog.append(form);
    dialog.addEventListener('close', () => { dialog.remove(); resolve(null); });
    document.body.append(dialog);
    dialog.showModal();
    (Object.values(inputs)[0] || ok).focus();
  });
}

/** Asks for confirmation, then runs action(); errors are shown in the dialog. */
export function confirmDialog(text, action, label = 'Delete') {
  return formDialog(text, [], action, label);
}

export function link(href, text) {
  return h('a', { href }, text);
}

export function ids(list) {
  return (list || []).join(', ') || '–';
}
