/* Is this input HTML or plain text? Text mode must not eat a page and
 * HTML mode must not parse a text dump, so the test looks for markup
 * that text does not have: a doctype or an html/head/body/meta tag near
 * the start, or a density of tags of known elements. */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "textmode.h"

static const char *const strong_tags[] = {
	"!doctype html", "html", "head", "body", "meta", "title", "script",
	"style", "link", NULL
};

static const char *const common_tags[] = {
	"p", "div", "span", "a", "br", "li", "ul", "ol", "table", "tr", "td",
	"h1", "h2", "h3", "h4", "img", "section", "article", "nav", "header",
	"footer", "em", "strong", "b", "i", "form", "input", "iframe", NULL
};

/* Does the tag name at s (after '<' or "</") match `name`, ended by a
 * blank, '>' or '/'? */
static int
tag_is(const char *s, size_t n, const char *name)
{
	size_t k = strlen(name);

	if (n <= k || strncasecmp(s, name, k) != 0)
		return 0;
	return s[k] == '>' || s[k] == ' ' || s[k] == '/' || s[k] == '\t' ||
	    s[k] == '\n' || s[k] == '\r';
}

int
pith_looks_like_html(const void *data, size_t len)
{
	const char *s = data;
	size_t i, n = len > 8192 ? 8192 : len;
	int known = 0, j;

	/* A byte-order mark and blanks before the first tag are fine. */
	i = 0;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i < n; i++) {
		const char *t;
		size_t left;

		if (s[i] != '<')
			continue;
		t = s + i + 1;
		left = n - i - 1;
		if (left > 0 && *t == '/')
			t++, left--;
		if (left >= 3 && strncmp(t, "!--", 3) == 0) {
			known++;
			continue;
		}
		for (j = 0; strong_tags[j] != NULL; j++)
			if (tag_is(t, left, strong_tags[j]))
				return 1;
		for (j = 0; common_tags[j] != NULL; j++)
			if (tag_is(t, left, common_tags[j])) {
				known++;
				break;
			}
	}
	/* A fragment: several tags of known elements. */
	return known >= 3;
}
