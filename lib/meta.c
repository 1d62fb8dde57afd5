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

static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec"
};

char *
pith_meta_iso_date(const char *s)
{
	int y, mo, d, h, mi, sec, n = 0, tn = 0;
	char tz[16] = "", mon[16];
	char out[64];
	size_t i;

	while (isspace((unsigned char)*s))
		s++;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && n == 10) {
		if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200)
			return NULL;
		if ((s[10] == 'T' || s[10] == ' ') &&
		    sscanf(s + 11, "%2d:%2d:%2d%n", &h, &mi, &sec, &tn) == 3 &&
		    h < 24 && mi < 60 && sec < 61) {
			/* Past what was read: "10:00:1" is 7 bytes, not 8. */
			const char *z = s + 11 + tn;

			while (*z == '.' || isdigit((unsigned char)*z))
				z++;
			if (*z == 'Z')
				snprintf(tz, sizeof tz, "Z");
			else if ((*z == '+' || *z == '-') &&
			    isdigit((unsigned char)z[1]) &&
			    isdigit((unsigned char)z[2])) {
				int th = (z[1] - '0') * 10 + (z[2] - '0'), tm = 0;
				const char *m = z + 3;

				if (*m == ':')
					m++;
				if (isdigit((unsigned char)m[0]) &&
				    isdigit((unsigned char)m[1]))
					tm = (m[0] - '0') * 10 + (m[1] - '0');
				snprintf(tz, sizeof tz, "%c%02d:%02d", *z,
				    th % 24, tm % 60);
			}
			snprintf(out, sizeof out,
			    "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi,
			    sec, tz);
		} else
			snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, d);
		return xstrdup(out);
	}
	/* "January 5, 2024" and "5 January 2024" */
	mo = 0;
	if (sscanf(s, "%15[A-Za-z] %d, %d", mon, &d, &y) == 3 ||
	    sscanf(s, "%d %15[A-Za-z] %d", &d, mon, &y) == 3) {
		for (i = 0; i < 12; i++)
			if (strncasecmp(mon, months[i], 3) == 0)
				mo = (int)i + 1;
		if (mo && d >= 1 && d <= 31 && y >= 1900 && y <= 2200) {
			snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, d);
			return xstrdup(out);
		}
	}
	return NULL;
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

void
pith_meta_from_jsonld(const char *json, size_t len, struct pith_meta *m)
{
	json_error_t err;
	json_t *root;

	/* jansson bounds nesting itself (2048 levels): a hostile block is
	 * a parse error, not a stack overflow. */
	root = json_loadb(json, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
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
		if (f->v[fld] == NULL || f->rank[fld] > (int)i) {
			f->v[fld] = content;
			f->rank[fld] = (int)i;
		}
	}
}

static void
scan(const GumboNode *n, struct meta_found *f, int depth)
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
	default:
		break;
	}
	c = &n->v.element.children;
	for (i = 0; i < c->length; i++)
		scan(c->data[i], f, depth + 1);
}

void
pith_meta_from_tree(const GumboNode *root, struct pith_meta *m)
{
	struct meta_found f;

	memset(&f, 0, sizeof f);
	scan(root, &f, 0);
	set(&m->title, f.v[F_TITLE]);
	set(&m->title, f.title);
	set(&m->author, f.v[F_AUTHOR]);
	set_date(&m->date, f.v[F_DATE]);
	set_date(&m->date, f.time);
	set(&m->sitename, f.v[F_SITE]);
	set(&m->description, f.v[F_DESC]);
	set(&m->url, f.canonical);
	set(&m->url, f.v[F_URL]);
	set(&m->lang, f.lang);
	set(&m->lang, f.v[F_LANG]);
}
