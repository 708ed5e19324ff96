// One step a person takes on a screen: its error (the problem's title, then each invalid field by its label) or a
// "done" message, and the screen reloads what changed.
import { ref } from 'vue';
import { MessagePlugin } from 'tdesign-vue-next';
import { problemText } from './api.js';
import { t } from './i18n.js';

export function useAction(labels = {}) {
  const error = ref('');
  const busy = ref(false);
  /** Runs fn; true when it succeeded. done: what to say then (null: nothing, the screen shows it). */
  async function run(fn, done = '操作成功') {
    error.value = '';
    busy.value = true;
    try {
      await fn();
      if (done) MessagePlugin.success(t(done));
      return true;
    } catch (e) {
      error.value = e.problem ? problemText(e, labels) : e.message;
      return false;
    } finally {
      busy.value = false;
    }
  }
  return { error, busy, run };
}
