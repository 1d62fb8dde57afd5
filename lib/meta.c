#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "dom.h"
#include "meta.h"

/* Copies s with whitespace runs collapsed and trimmed; NULL when empty. */
static char *
clean(const char *s, size_t n)
{
	struct pbuf b = PBUF_INIT;
	size_t i;
	int space = 0;

	for (i = 0; i < n && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isspace(c)) {
			space = 1;
			continue;
		}
		if (space && b.len)
			pbuf_putc(&b, ' ');
		space = 0;
		pbuf_putc(&b, (char)c);
	}
	if (b.len == 0) {
		pbuf_free(&b);
		return NULL;
	}
	return b.p;
}

static void
set(char **field, const char *v)
{
	if (*field == NULL && v != NULL)
		*field = clean(v, strlen(v));
}

static void
set_date(char **field, const char *v)
{
	if (*field == NULL && v != NULL)
		*field = pith_meta_iso_date(v);
}

/* --- dates ------------------------------------------------------------- */

/* Month names as pages write them, English and German: a word matches
 * when it is at least three letters of one of these ("Sept", "Okt",
 * "Mär"), so "Junk" is not June. */
static const char *const month_names[][2] = {
	{"january", "januar"}, {"february", "februar"},
	{"march", "m\xc3\xa4rz"}, {"april", "april"}, {"may", "mai"},
	{"june", "juni"}, {"july", "juli"}, {"august", "august"},
	{"september", "september"}, {"october", "oktober"},
	{"november", "november"}, {"december", "dezember"}
};

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (unsigned char)c >= 0x80;
}

/* Reads min to max digits at *s (no sign, no space); advances *s.
 * Returns 0 when fewer than min digits or more than max follow. */
static int
read_num(const char **s, int min, int max, int *v)
{
	const char *p = *s;
	int n = 0;

	*v = 0;
	while (is_digit(*p) && n <= max) {
		*v = *v * 10 + (*p - '0');
		p++, n++;
	}
	if (n < min || n > max)
		return 0;
	*s = p;
	return 1;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
valid_ymd(int y, int mo, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31};

	if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1)
		return 0;
	return d <= mdays[mo - 1] + (mo == 2 && leap(y));
}

/* The month a word of n bytes names, 1-12, or 0. */
static int
month_of(const char *w, size_t n)
{
	size_t i, k;

	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++)
		for (k = 0; k < 2; k++)
			if (n <= strlen(month_names[i][k]) &&
			    strncasecmp(w, month_names[i][k], n) == 0)
				return (int)i + 1;
	return 0;
}

/* "HH:MM[:SS[.fff]]" and a zone ("Z", "+01:00", "+0100", "+01", and
 * with rfc set also " GMT", " UTC", " +0000"); appends "THH:MM:SS" and
 * the zone to out. Returns 0, leaving out alone, when the time or the
 * zone is not one. */
static int
read_time(const char *s, int rfc, char *out, size_t outsz)
{
	int h, mi, sec = 0, th = 0, tm = 0;
	char tz[16] = "";
	size_t n = strlen(out);

	if (!read_num(&s, 1, 2, &h) || *s != ':')
		return 0;
	s++;
	if (!read_num(&s, 1, 2, &mi))
		return 0;
	if (*s == ':') {
		s++;
		if (!read_num(&s, 1, 2, &sec))
			return 0;
		if (*s == '.' || *s == ',') {
			s++;
			if (!is_digit(*s))
				return 0;
			while (is_digit(*s))
				s++;
		}
	}
	if (h > 23 || mi > 59 || sec > 60)
		return 0;
	if (rfc)
		while (*s == ' ')
			s++;
	if (*s == 'Z' || (rfc && (strncmp(s, "GMT", 3) == 0 ||
	    strncmp(s, "UTC", 3) == 0 || strncmp(s, "UT", 2) == 0)))
		snprintf(tz, sizeof tz, "Z");
	else if (*s == '+' || *s == '-') {
		const char *z = s + 1;

		if (!is_digit(z[0]) || !is_digit(z[1]))
			return 0;
		th = (z[0] - '0') * 10 + (z[1] - '0');
		z += 2;
		if (*z == ':')
			z++;
		if (is_digit(z[0]) && is_digit(z[1])) {
			tm = (z[0] - '0') * 10 + (z[1] - '0');
			z += 2;
		}
		if (is_digit(*z) || th > 14 || tm > 59)
			return 0;
		snprintf(tz, sizeof tz, "%c%02d:%02d", *s, th, tm);
	} else if (is_letter(*s))
		return 0;	/* a zone we cannot read ("EST", "noon") */
	snprintf(out + n, outsz - n, "T%02d:%02d:%02d%s", h, mi, sec, tz);
	return 1;
}

/* "2024-01-05[THH:MM...]", "2024-1-5", "2024/01/05". */
static char *
iso_date(const char *s)
{
	int y, mo, d;
	char sep, out[64];

	if (!read_num(&s, 4, 4, &y) || (*s != '-' && *s != '/'))
		return NULL;
	sep = *s++;
	if (!read_num(&s, 1, 2, &mo) || *s++ != sep ||
	    !read_num(&s, 1, 2, &d) || is_digit(*s) || !valid_ymd(y, mo, d))
		return NULL;
	snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, d);
	if (*s == 'T' || *s == ' ')
		read_time(s + 1, 0, out, sizeof out);
	return xstrdup(out);
}

/* A word of letters at s: its length, 0 when none. */
static size_t
word_len(const char *s)
{
	size_t n = 0;

	while (is_letter(s[n]))
		n++;
	return n;
}

static const char *
skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* A day number and what may follow it: "5", "5th", "5.". */
static int
read_day(const char **s, int *d)
{
	const char *p = *s;
	size_t n;

	if (!read_num(&p, 1, 2, d))
		return 0;
	n = word_len(p);
	if (n == 2 && (strncasecmp(p, "st", 2) == 0 ||
	    strncasecmp(p, "nd", 2) == 0 || strncasecmp(p, "rd", 2) == 0 ||
	    strncasecmp(p, "th", 2) == 0))
		p += 2;
	else if (n > 0)
		return 0;
	if (*p == '.' || *p == ',')
		p++;
	*s = p;
	return 1;
}

/* "January 5, 2024", "Jan. 5th 2024", "5 January 2024", "5. Januar
 * 2024", each perhaps after a weekday ("Fri, ", "Friday, ", "Fr., ") and
 * before a time (RFC 2822: "Fri, 05 Jan 2024 10:00:00 +0000"). */
static char *
written_date(const char *s)
{
	int y, mo, d;
	size_t n;
	char out[64];

	n = word_len(s);
	if (n > 0 && !month_of(s, n)) {
		/* A weekday: any word that is not a month, then ',' */
		const char *p = s + n;

		if (*p == '.')
			p++;
		if (*p != ',')
			return NULL;
		s = skip_spaces(p + 1);
		n = word_len(s);
	}
	if (n > 0) {
		mo = month_of(s, n);
		s += n;
		if (*s == '.')
			s++;
		s = skip_spaces(s);
		if (!mo || !read_day(&s, &d))
			return NULL;
	} else {
		if (!read_day(&s, &d))
			return NULL;
		s = skip_spaces(s);
		n = word_len(s);
		if (!(mo = month_of(s, n)))
			return NULL;
		s += n;
		if (*s == '.' || *s == ',')
			s++;
	}
	s = skip_spaces(s);
	if (!read_num(&s, 4, 4, &y) || is_digit(*s) || !valid_ymd(y, mo, d))
		return NULL;
	snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, d);
	if (*s == ',')
		s++;
	s = skip_spaces(s);
	if (is_digit(*s))
		read_time(s, 1, out, sizeof out);
	return xstrdup(out);
}

char *
pith_meta_iso_date(const char *s)
{
	s = skip_spaces(s);
	if (is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	    is_digit(s[3]))
		return iso_date(s);
	return written_date(s);
}

/* --- JSON-LD ------------------------------------------------------------- */

static const char *
str_of(json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_object(v)) {
		json_t *n = json_object_get(v, "name");

		if (json_is_string(n))
			return json_string_value(n);
	}
	if (json_is_array(v) && json_array_size(v) > 0)
		return str_of(json_array_get(v, 0));
	return NULL;
}

static int
type_is(json_t *o, const char *const *types)
{
	json_t *t = json_object_get(o, "@type");
	size_t i, k;

	if (json_is_string(t)) {
		for (k = 0; types[k]; k++)
			if (strcasecmp(json_string_value(t), types[k]) == 0)
				return 1;
	} else if (json_is_array(t)) {
		for (i = 0; i < json_array_size(t); i++) {
			json_t *e = json_array_get(t, i);

			for (k = 0; json_is_string(e) && types[k]; k++)
				if (strcasecmp(json_string_value(e), types[k]) == 0)
					return 1;
		}
	}
	return 0;
}

static const char *const article_types[] = {
	"Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle",
	"TechArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
	"ReviewNewsArticle", "LiveBlogPosting", "Product", "Recipe", "Review",
	"DiscussionForumPosting", "QAPage", "Question", "HowTo", "Event",
	"Course", "JobPosting", "SocialMediaPosting", NULL
};
static const char *const product_types[] = {"Product", "ProductGroup", NULL};
static const char *const site_types[] = {
	"WebSite", "Organization", "NewsMediaOrganization", NULL
};

static void
jsonld_object(json_t *o, struct pith_meta *m, int depth)
{
	size_t i;

	if (depth > 8)
		return;
	if (json_is_array(o)) {
		for (i = 0; i < json_array_size(o); i++)
			jsonld_object(json_array_get(o, i), m, depth + 1);
		return;
	}
	if (!json_is_object(o))
		return;
	if (type_is(o, product_types))
		set(&m->product_text, str_of(json_object_get(o, "description")));
	if (type_is(o, article_types)) {
		json_t *pub = json_object_get(o, "publisher");

		set(&m->title, str_of(json_object_get(o, "headline")));
		set(&m->title, str_of(json_object_get(o, "name")));
		set(&m->author, str_of(json_object_get(o, "author")));
		set(&m->author, str_of(json_object_get(o, "creator")));
		set_date(&m->date, str_of(json_object_get(o, "datePublished")));
		set_date(&m->date, str_of(json_object_get(o, "dateCreated")));
		set_date(&m->date, str_of(json_object_get(o, "uploadDate")));
		set(&m->description, str_of(json_object_get(o, "description")));
		set(&m->lang, str_of(json_object_get(o, "inLanguage")));
		if (pub)
			set(&m->sitename, str_of(pub));
	} else if (type_is(o, site_types))
		set(&m->sitename, str_of(json_object_get(o, "name")));
	jsonld_object(json_object_get(o, "@graph"), m, depth + 1);
	jsonld_object(json_object_get(o, "mainEntity"), m, depth + 1);
}

/* Strips a wrapper at the start (when at_end is 0) or the end of
 * [*b, *e) if present. */
static void
strip_wrapper(const char **b, const char **e, const char *w, int at_end)
{
	size_t n = strlen(w);

	while (*b < *e && isspace((unsigned char)**b))
		(*b)++;
	while (*e > *b && isspace((unsigned char)(*e)[-1]))
		(*e)--;
	if ((size_t)(*e - *b) < n)
		return;
	if (!at_end && strncmp(*b, w, n) == 0)
		*b += n;
	else if (at_end && strncmp(*e - n, w, n) == 0)
		*e -= n;
}

/* JSON-LD as pages write it when it is not quite JSON: wrapped in an
 * HTML comment or a CDATA section, with a trailing semicolon, or with
 * raw line breaks and tabs inside strings. Returns a repaired copy. */
static char *
jsonld_repair(const char *json, size_t len, size_t *outlen)
{
	static const char *const heads[] = {"<!--", "/*<![CDATA[*/",
		"//<![CDATA[", "<![CDATA[", NULL};
	static const char *const tails[] = {";", "-->", "/*]]>*/", "//]]>",
		"]]>", ";", NULL};
	const char *b = json, *e = json + len, *p;
	struct pbuf out = PBUF_INIT;
	int in_str = 0, esc = 0;
	size_t i;

	for (i = 0; heads[i]; i++)
		strip_wrapper(&b, &e, heads[i], 0);
	for (i = 0; tails[i]; i++)
		strip_wrapper(&b, &e, tails[i], 1);
	pbuf_reserve(&out, (size_t)(e - b) + 1);
	for (p = b; p < e; p++) {
		unsigned char c = (unsigned char)*p;

		if (in_str && c < 0x20)
			c = ' ';
		if (in_str && esc)
			esc = 0;
		else if (in_str && c == '\\')
			esc = 1;
		else if (c == '"')
			in_str = !in_str;
		pbuf_putc(&out, (char)c);
	}
	*outlen = out.len;
	return out.p ? out.p : xstrdup("");
}

void
pith_meta_from_jsonld(const char *json, size_t len, struct pith_meta *m)
{
	json_error_t err;
	json_t *root;

	/* jansson bounds nesting itself (2048 levels): a hostile block is
	 * a parse error, not a stack overflow. */
	root = json_loadb(json, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	if (root == NULL) {
		size_t n;
		char *fixed = jsonld_repair(json, len, &n);

		root = json_loadb(fixed, n, JSON_DECODE_ANY | JSON_ALLOW_NUL,
		    &err);
		free(fixed);
	}
	if (root == NULL)
		return;
	jsonld_object(root, m, 0);
	json_decref(root);
}

/* --- the tree ------------------------------------------------------------ */

struct meta_names {
	const char *key;	/* name= or property= value */
	int field;
};

enum { F_TITLE, F_AUTHOR, F_DATE, F_SITE, F_DESC, F_URL, F_LANG };

/* In order of trust: the first match per field wins. */
static const struct meta_names meta_names[] = {
	{"og:title", F_TITLE}, {"citation_title", F_TITLE},
	{"twitter:title", F_TITLE}, {"dc.title", F_TITLE},
	{"author", F_AUTHOR}, {"article:author", F_AUTHOR},
	{"citation_author", F_AUTHOR}, {"dc.creator", F_AUTHOR},
	{"parsely-author", F_AUTHOR}, {"sailthru.author", F_AUTHOR},
	{"twitter:creator", F_AUTHOR},
	{"article:published_time", F_DATE}, {"citation_publication_date", F_DATE},
	{"citation_date", F_DATE}, {"date", F_DATE}, {"dc.date", F_DATE},
	{"pubdate", F_DATE}, {"publish-date", F_DATE},
	{"parsely-pub-date", F_DATE}, {"sailthru.date", F_DATE},
	{"og:updated_time", F_DATE}, {"article:modified_time", F_DATE},
	{"og:site_name", F_SITE}, {"application-name", F_SITE},
	{"citation_journal_title", F_SITE},
	{"og:description", F_DESC}, {"description", F_DESC},
	{"twitter:description", F_DESC},
	{"og:url", F_URL},
	{"og:locale", F_LANG}, {"language", F_LANG}, {"dc.language", F_LANG},
	{NULL, 0}
};

struct meta_found {
	const char *v[F_LANG + 1];
	int rank[F_LANG + 1];
	const char *canonical, *lang, *title, *time;
	char *byline;		/* malloc'd */
	int byline_strong;	/* from rel=author or itemprop=author */
};

static void
note_meta(const GumboNode *n, struct meta_found *f)
{
	const char *key = pith_dom_attr(n, "property");
	const char *content = pith_dom_attr(n, "content");
	size_t i;

	if (key == NULL)
		key = pith_dom_attr(n, "name");
	if (key == NULL)
		key = pith_dom_attr(n, "itemprop");
	if (key == NULL || content == NULL || *content == '\0')
		return;
	if (strcasecmp(key, "datePublished") == 0)
		key = "article:published_time";
	for (i = 0; meta_names[i].key; i++) {
		int fld = meta_names[i].field;

		if (strcasecmp(key, meta_names[i].key) != 0)
			continue;
		if (fld == F_DATE) {
			/* An unreadable date does not hide a readable one of
			 * lower rank. */
			char *d = pith_meta_iso_date(content);

			if (d == NULL)
				continue;
			free(d);
		}
		if (f->v[fld] == NULL || f->rank[fld] > (int)i) {
			f->v[fld] = content;
			f->rank[fld] = (int)i;
		}
	}
}

/* --- bylines ------------------------------------------------------------ */

/* Does the element's class or id hold one of the words? */
static int
named(const GumboNode *n, const char *const *words, int prefix)
{
	return pith_dom_has_word(pith_dom_attr(n, "class"), words, prefix) ||
	    pith_dom_has_word(pith_dom_attr(n, "id"), words, prefix);
}

/* Whitespace-separated token list (rel, itemprop) holds tok? */
static int
has_token(const char *v, const char *tok)
{
	size_t k = strlen(tok), n;

	while (v && *v) {
		while (isspace((unsigned char)*v))
			v++;
		for (n = 0; v[n] && !isspace((unsigned char)v[n]); n++)
			;
		if (n == k && strncasecmp(v, tok, k) == 0)
			return 1;
		v += n;
	}
	return 0;
}

/* Text of n's subtree (without <time>, scripts and the like), up to
 * max bytes. */
static void
subtree_text(const GumboNode *n, struct pbuf *b, size_t max, int depth)
{
	const GumboVector *c;
	unsigned i;

	if (b->len > max || depth > 16)
		return;
	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
		pbuf_puts(b, n->v.text.text);
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT)
		return;
	switch (n->v.element.tag) {
	case GUMBO_TAG_TIME: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
	case GUMBO_TAG_BUTTON: case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE:
		return;
	case GUMBO_TAG_BR:
		pbuf_putc(b, ' ');
		return;
	default:
		break;
	}
	c = &n->v.element.children;
	for (i = 0; i < c->length; i++)
		subtree_text(c->data[i], b, max, depth + 1);
}

/* First descendant-or-self with itemprop=name. */
static const GumboNode *
itemprop_name(const GumboNode *n, int depth)
{
	const GumboVector *c;
	unsigned i;

	if (n->type != GUMBO_NODE_ELEMENT || depth > 8)
		return NULL;
	if (has_token(pith_dom_attr(n, "itemprop"), "name"))
		return n;
	c = &n->v.element.children;
	for (i = 0; i < c->length; i++) {
		const GumboNode *r = itemprop_name(c->data[i], depth + 1);

		if (r)
			return r;
	}
	return NULL;
}

/* Longer text is an author box or a paragraph, not a byline. */
#define BYLINE_MAX_TEXT 160
#define BYLINE_MAX_NAME 80
#define BYLINE_MAX_WORDS 8

/* "By Jo Marsh · 1 May 2024" -> "Jo Marsh"; NULL when what is left does
 * not look like a name. */
static char *
byline_name(const GumboNode *n)
{
	static const char *const prefixes[] = {
		"written by", "posted by", "words by", "story by", "by:", "by",
		"von", "par", "door", "por", "author:", "autor:", NULL
	};
	static const char *const cuts[] = {
		"\xc2\xb7", "|", "\xe2\x80\xa2", " - ", " \xe2\x80\x93 ",
		" \xe2\x80\x94 ", ",", ";", "(", " on ", " am ", " updated ",
		" published ", NULL
	};
	struct pbuf raw = PBUF_INIT;
	char *t, *p;
	size_t i, len;
	int words = 0, letters = 0;

	subtree_text(n, &raw, BYLINE_MAX_TEXT + 1, 0);
	t = raw.len > 0 && raw.len <= BYLINE_MAX_TEXT ?
	    clean(raw.p, raw.len) : NULL;
	pbuf_free(&raw);
	if (t == NULL)
		return NULL;
	p = t;
	for (i = 0; prefixes[i]; i++) {
		size_t k = strlen(prefixes[i]);

		if (strncasecmp(p, prefixes[i], k) == 0 &&
		    (p[k] == ' ' || p[k] == '\0' || prefixes[i][k - 1] == ':')) {
			p += k;
			while (*p == ' ' || *p == ':')
				p++;
			break;
		}
	}
	len = strlen(p);
	for (i = 0; cuts[i]; i++) {
		char *c = strstr(p, cuts[i]);

		if (c && (size_t)(c - p) < len)
			len = (size_t)(c - p);
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '.' ||
	    p[len - 1] == ':'))
		len--;
	for (i = 0; i < len; i++) {
		if (isalpha((unsigned char)p[i]) || (unsigned char)p[i] >= 0x80)
			letters++;
		if (p[i] != ' ' && (i == 0 || p[i - 1] == ' '))
			words++;
	}
	if (len == 0 || len > BYLINE_MAX_NAME || words > BYLINE_MAX_WORDS ||
	    letters == 0) {
		free(t);
		return NULL;
	}
	memmove(t, p, len);
	t[len] = '\0';
	return t;
}

/* Where a byline belongs to somebody else: a comment, a teaser of
 * another story, a sidebar. */
static int
others_box(const GumboNode *n)
{
	static const char *const words[] = {
		"comment", "related", "sidebar", "teaser", "recommend",
		"popular", "trending", NULL
	};

	switch (n->v.element.tag) {
	case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
		return 1;
	default:
		break;
	}
	return named(n, words, 1);
}

static void
note_byline(const GumboNode *n, struct meta_found *f)
{
	static const char *const byline_words[] = {"byline", "author", NULL};
	static const char *const not_byline[] = {
		"bio", "about", "avatar", "box", "description", "info", NULL
	};
	const GumboNode *name;
	int strong = 0;
	char *v;

	if (f->byline_strong)
		return;
	if (n->v.element.tag == GUMBO_TAG_A &&
	    has_token(pith_dom_attr(n, "rel"), "author"))
		strong = 1, name = n;
	else if (has_token(pith_dom_attr(n, "itemprop"), "author")) {
		strong = 1;
		name = itemprop_name(n, 0);
		if (name == NULL)
			name = n;
	} else if (f->byline == NULL && named(n, byline_words, 0) &&
	    !named(n, not_byline, 0))
		name = n;
	else
		return;
	if ((v = byline_name(name)) == NULL)
		return;
	free(f->byline);
	f->byline = v;
	f->byline_strong = strong;
}

/* --- the tree, walked ----------------------------------------------------- */

static void
scan(const GumboNode *n, struct meta_found *f, int depth, int others)
{
	const GumboVector *c;
	unsigned i;

	if (n->type != GUMBO_NODE_ELEMENT || depth > 64)
		return;
	switch (n->v.element.tag) {
	case GUMBO_TAG_HTML:
		f->lang = pith_dom_attr(n, "lang");
		if (f->lang == NULL)
			f->lang = pith_dom_attr(n, "xml:lang");
		break;
	case GUMBO_TAG_META:
		note_meta(n, f);
		return;
	case GUMBO_TAG_LINK: {
		const char *rel = pith_dom_attr(n, "rel");

		if (rel && strcasecmp(rel, "canonical") == 0 && !f->canonical)
			f->canonical = pith_dom_attr(n, "href");
		return;
	}
	case GUMBO_TAG_TITLE:
		if (f->title == NULL && n->v.element.children.length > 0 &&
		    ((GumboNode *)n->v.element.children.data[0])->type ==
		    GUMBO_NODE_TEXT)
			f->title = ((GumboNode *)
			    n->v.element.children.data[0])->v.text.text;
		return;
	case GUMBO_TAG_TIME:
		if (f->time == NULL)
			f->time = pith_dom_attr(n, "datetime");
		return;
	case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY:
		break;
	default:
		if (!others && !(others = others_box(n)))
			note_byline(n, f);
		break;
	}
	c = &n->v.element.children;
	for (i = 0; i < c->length; i++)
		scan(c->data[i], f, depth + 1, others);
}

void
pith_meta_from_tree(const GumboNode *root, struct pith_meta *m)
{
	struct meta_found f;

	memset(&f, 0, sizeof f);
	scan(root, &f, 0, 0);
	set(&m->title, f.v[F_TITLE]);
	set(&m->title, f.title);
	set(&m->author, f.v[F_AUTHOR]);
	set(&m->author, f.byline);
	set_date(&m->date, f.v[F_DATE]);
	set_date(&m->date, f.time);
	set(&m->sitename, f.v[F_SITE]);
	set(&m->description, f.v[F_DESC]);
	set(&m->url, f.canonical);
	set(&m->url, f.v[F_URL]);
	set(&m->lang, f.lang);
	set(&m->lang, f.v[F_LANG]);
	free(f.byline);
}

void
pith_meta_free(struct pith_meta *m)
{
	free(m->title);
	free(m->author);
	free(m->date);
	free(m->sitename);
	free(m->lang);
	free(m->description);
	free(m->url);
	free(m->product_text);
	memset(m, 0, sizeof *m);
}
