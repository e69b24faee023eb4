export interface ArticleLinkProps {
  title: string;
  url: string;
}

/** The article a comment or thread is on, by its title; only web addresses become links. */
export function ArticleLink({ title, url }: ArticleLinkProps) {
  const label = title || url;
  return /^https?:\/\//i.test(url) ? (
    <a href={url} target="_blank" rel="noopener">
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}
