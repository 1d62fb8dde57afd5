/* Function-word (stop-word) lists for the languages text mode knows, and
 * the language guess and stop-word ratio built on them.
 *
 * The lists were written for pith from general knowledge of each
 * language: articles, pronouns, prepositions, conjunctions, auxiliary and
 * modal verbs, common adverbs and particles. They are short on purpose:
 * the most frequent function words carry nearly all of the signal. Same
 * licence as the rest of pith. Apostrophes split words in the tokenizer,
 * so elided forms appear as their parts ("l", "d", "qu"). */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "textmode.h"
#include "textmode_impl.h"

const char *const tm_lang_codes[TM_NLANGS] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl"
};

static const char *const stop_lists[TM_NLANGS] = {
	/* en */
	"a about above after again against all also although am an and any "
	"are around as at be because been before being below between both "
	"but by can could did do does doing down during each either even "
	"ever every few for from further had has have having he her here "
	"hers herself him himself his how however i if in into is it its "
	"itself just less many may me might more most much must my myself "
	"neither no nor not now of off often on once one only or other our "
	"ours ourselves out over own per rather same shall she should since "
	"so some still such than that the their theirs them themselves then "
	"there these they this those though through thus to too under until "
	"up upon us very was we were what whatever when where whether which "
	"while who whom whose why will with within without would yet you "
	"your yours yourself s t don doesn didn isn wasn aren weren won "
	"wouldn couldn shouldn ll ve re d m",
	/* de */
	"aber alle allem allen aller alles als also am an andere anderen "
	"auch auf aus bei beim bin bis bist da dabei dadurch daher damit "
	"dann darauf darum das dass dem den denen denn der deren des deshalb "
	"dessen die dies diese diesem diesen dieser dieses doch dort du "
	"durch ein eine einem einen einer eines er es etwa euch euer für "
	"gegen gewesen hat hatte hatten haben hier hin hinter ich ihm ihn "
	"ihnen ihr ihre ihrem ihren ihrer im immer in indem ins ist ja je "
	"jedoch jeder jedes jetzt kann kein keine keinen können könnte man "
	"mehr mein meine mit muss müssen nach nicht nichts noch nun nur ob "
	"oder ohne schon sehr sei sein seine seinem seinen seiner seit sich "
	"sie sind so sowie soll sollen sondern über um und uns unser unter "
	"viel vom von vor wann war waren warum was weil welche welcher wenn "
	"wer werden wie wieder will wir wird wo wurde wurden zu zum zur "
	"zwischen",
	/* fr */
	"à afin ai aie ainsi alors au aucun aussi autre aux avait avant avec "
	"avoir ce ceci cela celle celles celui ces cet cette chaque chez ci "
	"comme comment dans de depuis des donc dont du elle elles en encore "
	"entre est et étaient était été être eu eux fait faire fois il ils "
	"je jusqu l la le les leur leurs lors lui ma mais me même mes moi "
	"mon n ne ni nos notre nous on ont ou où par parce pas pendant peu "
	"peut plus pour pourquoi qu quand que quel quelle quelles quels qui "
	"s sa sans se selon ses si sien soit son sont sous sur ta te tes "
	"toi ton tous tout toute toutes très tu un une vers vos votre vous "
	"y c d j m",
	/* es */
	"a al algo algunos ante antes como con contra cual cuando de del "
	"desde donde durante e el él ella ellas ellos en entre era eran es "
	"esa esas ese eso esos esta está están estas este esto estos fue "
	"fueron ha había han hasta hay la las le les lo los más me mi mis "
	"mucho muy nada ni no nos nosotros o otra otras otro otros para pero "
	"poco por porque que qué quien se sea según ser si sí sido sin sobre "
	"son su sus también tan tanto te tiene tienen todo todos tu tus un "
	"una uno unos usted y ya yo",
	/* it */
	"a ad agli ai al alla alle allo anche avere aveva c che chi ci come "
	"con contro cui da dagli dai dal dalla dalle degli dei del della "
	"delle dello di dove e è ed essere era erano gli ha hanno ho i il in "
	"io l la le lei lo loro lui ma mi mia mio ne negli nei nel nella "
	"nelle nello no noi non o per perché più po poi quale quando quanto "
	"quella quelle quelli quello questa queste questi questo se sei si "
	"sia sono su sua sue sui sul sulla suo suoi tra tu tutti tutto un "
	"una uno vi voi già stato stata molto",
	/* pt */
	"a à ao aos as às até com como da das de dela dele deles do dos e é "
	"ela elas ele eles em entre era eram essa esse esta está estão este "
	"eu foi foram há isso isto já lhe lhes mais mas me mesmo meu minha "
	"muito na nas não nem no nos nós num numa o os ou para pela pelas "
	"pelo pelos por porque quando que quem se sem ser seu seus sua suas "
	"só também te tem têm tinha um uma umas uns você vocês sobre onde "
	"ainda depois",
	/* nl */
	"aan al alle als bij dan dat de der deze die dit doch door dus een "
	"en er geen haar had heb hebben heeft hem het hier hij hoe hun ik in "
	"is ja je kan kon kunnen maar me meer men met mij mijn moet na naar "
	"niet niets nog nu of om omdat ons ook op over reeds te tegen toch "
	"toen tot u uit uw van veel voor want waren was wat we wel werd "
	"wie wij wil worden wordt zal ze zelf zich zij zijn zo zonder zou "
	"onder tussen",
	/* ru */
	"а без более бы был была были было быть в вам вас весь во вот все "
	"всего всех вы где да даже для до его ее её если есть еще ещё же за "
	"здесь и из или им их к как когда кто ли либо между меня мне может "
	"мы на над надо наш не него нее неё нет ни них но ну о об однако он "
	"она они оно от очень по под после потому при про с со так также "
	"такой там те тем то того тоже той только том ты у уже хотя чем что "
	"чтобы эта эти это этого этой этом этот я",
	/* pl */
	"a aby ale ani bardzo bez bo by być był była było były co czy dla do "
	"gdy gdzie go i ich ile im jak jako jakie jej jest jeszcze jego jej "
	"już ją je jednak jeśli ma mi mnie może na nad nam nas nawet nie "
	"nich nic nim niż o od oraz po pod przez przy się sobie są ta tak "
	"także tam te tego tej ten też to tu tych tylko tym u w we więc z za "
	"ze że żeby który która które którzy których jako między",
};

#define STOP_SLOTS 4096		/* power of two, > 4 * number of words */

static struct {
	uint64_t h;
	unsigned mask;
} stop_table[STOP_SLOTS];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static void
stop_insert(uint64_t h, unsigned bit)
{
	size_t i = (size_t)(h ^ (h >> 29)) & (STOP_SLOTS - 1);

	while (stop_table[i].mask != 0 && stop_table[i].h != h)
		i = (i + 1) & (STOP_SLOTS - 1);
	stop_table[i].h = h;
	stop_table[i].mask |= bit;
}

static void
stop_init(void)
{
	struct tm_toks t = {NULL, 0, 0};
	size_t l, i;

	for (l = 0; l < TM_NLANGS; l++) {
		t.n = 0;
		tm_tokenize_plain(stop_lists[l], strlen(stop_lists[l]), &t);
		for (i = 0; i < t.n; i++)
			stop_insert(t.v[i].h, 1u << l);
	}
	tm_toks_free(&t);
}

unsigned
tm_stop_mask(uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 29)) & (STOP_SLOTS - 1);

	pthread_once(&stop_once, stop_init);
	while (stop_table[i].mask != 0) {
		if (stop_table[i].h == h)
			return stop_table[i].mask;
		i = (i + 1) & (STOP_SLOTS - 1);
	}
	return 0;
}

int
tm_lang_index(const char *lang)
{
	int i;

	if (lang == NULL)
		return -1;
	for (i = 0; i < TM_NLANGS; i++)
		if (strncmp(lang, tm_lang_codes[i], 2) == 0 &&
		    (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
			return i;
	return -1;
}

int
tm_detect_lang_toks(const struct tm_toks *t)
{
	size_t hits[TM_NLANGS] = {0}, i, words = 0;
	int l;

	for (i = 0; i < t->n; i++) {
		unsigned m;

		if (!(t->v[i].flags & TM_ALPHA))
			continue;
		words++;
		m = t->v[i].stop;
		for (l = 0; m != 0; l++, m >>= 1)
			if (m & 1)
				hits[l]++;
	}
	return tm_detect_lang_hits(hits, words);
}

int
tm_detect_lang_hits(const size_t hits[TM_NLANGS], size_t words)
{
	int l, best = -1;

	for (l = 0; l < TM_NLANGS; l++)
		if (best < 0 || hits[l] > hits[best])
			best = l;
	/* Too few function words of any list: another language. */
	if (best < 0 || hits[best] < 3 || hits[best] * 10 < words)
		return -1;
	return best;
}

const char *
pith_detect_lang(const char *text, size_t len)
{
	struct tm_toks t = {NULL, 0, 0};
	int l;

	/* The first 64 KiB decide: plenty of words, bounded time. */
	tm_tokenize(text, len > 65536 ? 65536 : len, &t);
	l = tm_detect_lang_toks(&t);
	tm_toks_free(&t);
	return l < 0 ? "und" : tm_lang_codes[l];
}

double
pith_stopword_ratio(const char *text, size_t len, const char *lang)
{
	struct tm_toks t = {NULL, 0, 0};
	size_t i, words = 0, stops = 0;
	int l;
	unsigned bit;

	tm_tokenize(text, len, &t);
	l = lang != NULL ? tm_lang_index(lang) : tm_detect_lang_toks(&t);
	if (l >= 0) {
		bit = 1u << l;
		for (i = 0; i < t.n; i++) {
			if (!(t.v[i].flags & TM_ALPHA))
				continue;
			words++;
			if (t.v[i].stop & bit)
				stops++;
		}
	}
	tm_toks_free(&t);
	return words ? (double)stops / words : 0.0;
}
