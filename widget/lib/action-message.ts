// Why an action failed, in a sentence: the sentences only actions meet load the first time one
// is needed (see shared/action-messages.ts). Offline, that load fails too, and the sentences
// every reader may meet (unavailable among them) answer instead. A site's own wording
// (`error.CODE` in its strings) wins over both.
import { readerMessage, type ErrorCode } from '../../shared/errors';
import { own } from '../../shared/own';

export const actionMessage = (code: string | undefined, strings: Readonly<Record<string, string>> = {}): Promise<string> =>
  import('../../shared/action-messages').then(
    (m) => own(strings, `error.${code}`) ?? m.ACTION_MESSAGES[code as ErrorCode] ?? readerMessage(code),
    () => readerMessage(code, strings),
  );
