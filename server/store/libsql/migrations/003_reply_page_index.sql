-- Replies of a page's roots, within the thread: equality on thread, status and each root, so a
-- page reads only its own replies. Without it the planner walks every reply of the thread
-- through comments_thread_top and the page slows down linearly with the thread.
CREATE INDEX comments_thread_root ON comments(thread_id, status, root_id, depth, created_at);
