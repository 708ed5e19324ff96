// Every list is paged by the API's cursor: the first page, then "load more" with ?cursor=next.
import { ref } from 'vue';
import { get, itemsOf } from './api.js';

export function usePaged(path) {
  const items = ref([]);
  const next = ref(null);
  const loading = ref(false);
  const error = ref('');
  const loaded = ref(false);

  async function load(reset = true) {
    loading.value = true;
    error.value = '';
    try {
      const base = path();
      const sep = base.includes('?') ? '&' : '?';
      const answer = await get(base + (reset || !next.value ? '' : `${sep}cursor=${encodeURIComponent(next.value)}`));
      items.value = reset ? itemsOf(answer) : items.value.concat(itemsOf(answer));
      next.value = Array.isArray(answer) ? null : answer.next || null;
    } catch (e) {
      error.value = e.message;
    } finally {
      loading.value = false;
      loaded.value = true;
    }
  }
  return { items, next, loading, error, loaded, load, more: () => load(false) };
}
