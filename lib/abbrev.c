/* Abbreviation lists for the sentence layer, per language.
 *
 * Words are written lower case without their final period; inner periods
 * stay ("e.g", "z.b"). Lookup folds ASCII and the common Latin-1, Latin
 * Extended and Cyrillic capitals to lower case. Classes:
 *   TITLE    never ends a sentence (it precedes a name or an example)
 *   NUMBER   does not end a sentence before a number ("No. 5", "Jan. 3")
 *   GENERAL  ends one only when a typical sentence opener follows
 *            ("etc. The" ends, "Inc. Chairman" does not)
 * Dotted short forms such as "U.S.A." or "Ph.D." need no entry: the
 * sentence layer treats any word of one- or two-letter parts joined by
 * periods as GENERAL. */
#include <pthread.h>

#include "segment.h"
#include "segment_lex.h"

static const struct pith_lex_list lists[] = {
	/* Latin and international forms used in most languages. */
	{-1, PITH_ABBR_TITLE, "e.g i.e cf vs viz approx ca dr prof"},
	{-1, PITH_ABBR_GENERAL, "etc al ibid a.m p.m ph.d"},

	{PITH_LANG_EN, PITH_ABBR_TITLE,
	    "mr mrs ms messrs mmes mssrs rev hon gen col lt capt cmdr cdr "
	    "sgt cpl maj adm brig gov sen rep reps pres supt insp det mt "
	    "ft fr esp incl excl resp eg ie attn"},
	{PITH_LANG_EN, PITH_ABBR_NUMBER,
	    "no nos fig figs p pp vol vols ch chap sec sect art para eq "
	    "eqs ref refs tel ph fax mob ext op nr jan feb mar apr jun jul "
	    "aug sep "
	    "sept oct nov dec pt pts bk"},
	{PITH_LANG_EN, PITH_ABBR_GENERAL,
	    "inc ltd co corp llc plc bros jr sr st ave blvd rd hwy dept "
	    "univ assn assoc asst est misc mon tue tues wed thu thur thurs fri sat sun "
	    "govt intl natl oz lb lbs gal yr yrs hr hrs min mins sec secs "
	    "cal conf ala ariz ark calif colo conn fla ga ill kan ky la md mich "
	    "minn neb nev okla ore pa tenn tex va vt wis wyo"},

	{PITH_LANG_DE, PITH_ABBR_TITLE,
	    "hr hrn frl z.b d.h bzw ggf vgl evtl sog u.u z.t z.hd i.d.r "
	    "bspw bzgl inkl zzgl i.a gem lt st"},
	{PITH_LANG_DE, PITH_ABBR_NUMBER,
	    "nr abs art bd s kap abb tab aufl jan feb apr jun jul aug sep "
	    "sept okt nov dez tel hrsg"},
	{PITH_LANG_DE, PITH_ABBR_GENERAL,
	    "usw u.a u.v.m o.\xc3\xa4 s.o s.u str jh jhd mio mrd co v.chr "
	    "n.chr geb gest verh max min dt engl franz lat ital usf"},

	{PITH_LANG_FR, PITH_ABBR_TITLE,
	    "m mm mme mmes mlle mlles pr me mgr st ste p.ex c.-\xc3\xa0-d env "
	    "cf"},
	{PITH_LANG_FR, PITH_ABBR_NUMBER,
	    "n\xc2\xb0 no p pp vol chap art fig janv f\xc3\xa9vr avr juil "
	    "sept oct nov d\xc3\xa9""c t \xc3\xa9""d"},
	{PITH_LANG_FR, PITH_ABBR_GENERAL,
	    "av bd apr j.-c av.-j.-c hab min max ex cie"},

	{PITH_LANG_ES, PITH_ABBR_TITLE,
	    "sr sra srta sres dra lic ing arq d d\xc3\xb1""a ud uds vd vds "
	    "ej sto sta"},
	{PITH_LANG_ES, PITH_ABBR_NUMBER,
	    "n\xc3\xba""m no n\xc2\xba p p\xc3\xa1g p\xc3\xa1gs vol cap art "
	    "fig ene feb mar abr may jun jul ago sept sep oct nov dic tel"},
	{PITH_LANG_ES, PITH_ABBR_GENERAL,
	    "aprox av avda c\xc3\xad""a m\xc3\xa1x m\xc3\xadn a.c d.c s.a "
	    "s.l ee uu"},

	{PITH_LANG_IT, PITH_ABBR_TITLE,
	    "sig sigg sig.ra sig.na dott dott.ssa prof.ssa avv ing arch geom "
	    "rag on mons p.es cfr"},
	{PITH_LANG_IT, PITH_ABBR_NUMBER,
	    "n pag pagg vol cap art fig gen feb mar apr mag giu lug ago set "
	    "ott nov dic tel"},
	{PITH_LANG_IT, PITH_ABBR_GENERAL, "ecc ss s.p.a s.r.l c.a max min"},

	{PITH_LANG_PT, PITH_ABBR_TITLE,
	    "sr sra srta dra profa eng exmo exma v.exa p.ex"},
	{PITH_LANG_PT, PITH_ABBR_NUMBER,
	    "n n\xc2\xba p\xc3\xa1g p\xc3\xa1gs p vol cap art fig jan fev mar "
	    "abr mai jun jul ago set out nov dez tel"},
	{PITH_LANG_PT, PITH_ABBR_GENERAL, "ltda cia s.a av a.c d.c"},

	{PITH_LANG_NL, PITH_ABBR_TITLE,
	    "dhr mevr mw drs ir mr ing bijv d.w.z m.a.w i.p.v t.a.v resp "
	    "m.b.t z.g.a"},
	{PITH_LANG_NL, PITH_ABBR_NUMBER,
	    "nr blz p vol hfst art fig jan feb mrt apr jun jul aug sep sept "
	    "okt nov dec tel"},
	{PITH_LANG_NL, PITH_ABBR_GENERAL, "enz e.d o.a b.v n.v jl max min"},

	{PITH_LANG_RU, PITH_ABBR_TITLE,
	    "\xd1\x82.\xd0\xb5 \xd1\x82.\xd0\xba \xd1\x82.\xd0\xbd "
	    "\xd0\xbd\xd0\xb0\xd0\xbf\xd1\x80 \xd1\x81\xd0\xbc "
	    "\xd1\x81\xd1\x80 \xd0\xb8\xd0\xbc \xd1\x83\xd0\xbb "
	    "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x84 \xd0\xb0\xd0\xba\xd0\xb0\xd0\xb4 "
	    "\xd0\xb4\xd0\xbe\xd1\x86 \xd0\xb4"},
	{PITH_LANG_RU, PITH_ABBR_NUMBER,
	    "\xd1\x81\xd1\x82\xd1\x80 \xd1\x81 \xd1\x80\xd0\xb8\xd1\x81 "
	    "\xd0\xb3\xd0\xbb \xd1\x82 \xd1\x8f\xd0\xbd\xd0\xb2 "
	    "\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80 \xd0\xb0\xd0\xbf\xd1\x80 "
	    "\xd0\xb0\xd0\xb2\xd0\xb3 \xd1\x81\xd0\xb5\xd0\xbd\xd1\x82 "
	    "\xd0\xbe\xd0\xba\xd1\x82 \xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1 "
	    "\xd0\xb4\xd0\xb5\xd0\xba"},
	{PITH_LANG_RU, PITH_ABBR_GENERAL,
	    "\xd0\xb3 \xd0\xb3\xd0\xb3 \xd1\x82.\xd0\xb4 \xd1\x82.\xd0\xbf "
	    "\xd0\xb4\xd1\x80 \xd0\xbf\xd1\x80 \xd1\x80\xd1\x83\xd0\xb1 "
	    "\xd0\xba\xd0\xbe\xd0\xbf \xd1\x82\xd1\x8b\xd1\x81 "
	    "\xd0\xbc\xd0\xbb\xd0\xbd \xd0\xbc\xd0\xbb\xd1\x80\xd0\xb4 "
	    "\xd0\xb2 \xd0\xb2\xd0\xb2 \xd0\xbd.\xd1\x8d"},

	{PITH_LANG_PL, PITH_ABBR_TITLE,
	    "mgr in\xc5\xbc hab ks \xc5\x9bw p\xc5\x82k gen np tj tzw m.in ok "
	    "wg ul al pl im p"},
	{PITH_LANG_PL, PITH_ABBR_NUMBER,
	    "nr str s rozdz art rys tab t poz sty lut mar kwi cze lip sie "
	    "wrz pa\xc5\xba lis gru godz"},
	{PITH_LANG_PL, PITH_ABBR_GENERAL,
	    "itd itp r w tys mln mld z\xc5\x82 cdn"},
};

static struct pith_lex *lexicon;
static pthread_once_t lexicon_once = PTHREAD_ONCE_INIT;

static void
lexicon_build(void)
{
	lexicon = pith_lex_build(lists, sizeof lists / sizeof lists[0], 0);
}

enum pith_abbrev
pith_abbrev_lookup(enum pith_lang lang, const char *word, size_t len)
{
	char folded[PITH_LEX_MAXLEN];
	int cls = 0;
	size_t n;

	pthread_once(&lexicon_once, lexicon_build);
	n = pith_seg_fold(word, len, folded, sizeof folded);
	if (n == 0)
		return PITH_ABBR_NONE;
	if ((int)lang >= 0)
		cls = pith_lex_get(lexicon, lang, folded, n);
	if (cls == 0)
		cls = pith_lex_get(lexicon, -1, folded, n);
	return (enum pith_abbrev)cls;
}
