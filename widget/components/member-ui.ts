// What only a signed-in reader uses: the comment box and the actions on a comment (like, reply,
// edit, delete, report). Not in app.js, so a guest never downloads it; see member-slot.ts.
export { Composer } from './composer';
export { NewComment, ReplyBox } from './member-boxes';
export { CommentActions, manage } from './comment-actions';
export { memberActions } from '../model/member-actions';
export { memberTranslator } from '../lib/member-translate';
export { default as css } from './member-ui.css';
