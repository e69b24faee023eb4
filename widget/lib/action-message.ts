// Why an action failed, in a sentence: the sentences only actions meet load the first time one
// is needed (see shared/action-messages.ts). Offline, that load fails too, and the sentences
// every reader may meet (unavailable among them) answer instead.
import { readerMessage, type ErrorCode } from '../../shared/errors';

export const actionMessage = (code: string | undefined): Promise<string> =>
  import('../../shared/action-messages').then(
    (m) => m.ACTION_MESSAGES[code as ErrorCode] ?? readerMessage(code),
    () => readerMessage(code),
  );
