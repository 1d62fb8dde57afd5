/* Languages for the sentence layer: names, function words (which open
 * sentences and identify the language), month names, and guessing the
 * language of a text from its function words and script. */
#include <pthread.h>
#include <string.h>

#include "segment.h"
#include "segment_lex.h"
#include "uax29.h"

static const char *const names[PITH_LANG_COUNT] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl"
};

enum {	/* bits */
	LEX_FUNCTION = 1, LEX_MONTH = 2, LEX_CLOSING = 4, LEX_GREETING = 8
};

/* Function words: frequent, short, and often the first word of a
 * sentence; a capitalised one after an abbreviation means a new sentence. */
static const struct pith_lex_list words[] = {
	{PITH_LANG_EN, LEX_FUNCTION,
	    "the a an he she it they we i you this that these those there "
	    "then but and so in on at if when what why how who where my our "
	    "his her their its as after before also however yes not for "
	    "from with one all some many most please thanks thank now here "
	    "of to is was are be have has do did will would can could should "
	    "might must been were which or any each every both such while "
	    "because since although though yet still even just only well oh "
	    "hi hello dear today again another other next finally meanwhile "
	    "instead perhaps maybe sometimes once let unfortunately"},
	{PITH_LANG_DE, LEX_FUNCTION,
	    "der die das den dem des ein eine einen einem einer er sie es wir "
	    "ich ihr du man dies diese dieser dieses dann aber und oder doch "
	    "auch als wenn im in am an nach mit auf bei von zu zum zur was wie "
	    "wo warum wer da so nun heute damit deshalb daher jedoch trotzdem "
	    "au\xc3\x9f""erdem zudem seit w\xc3\xa4hrend nicht kein keine ist "
	    "sind war waren wird werden hat haben sich noch schon nur bereits "
	    "alle viele einige"},
	{PITH_LANG_FR, LEX_FUNCTION,
	    "le la les l un une des du de il elle ils elles nous vous je j on "
	    "ce cette ces c mais et ou puis dans en au aux si quand pour par "
	    "avec sans sur sous est sont \xc3\xa9tait a ont pas ne qui que "
	    "quoi o\xc3\xb9 comment pourquoi alors ensuite enfin cependant "
	    "toutefois donc car selon depuis apr\xc3\xa8s avant tous tout "
	    "toute plus tr\xc3\xa8s aussi"},
	{PITH_LANG_ES, LEX_FUNCTION,
	    "el la los las un una unos unas lo \xc3\xa9l ella ellos ellas "
	    "nosotros yo t\xc3\xba usted pero y o en con por para si cuando "
	    "esto este esta estos estas ese esa eso es son fue era no se al "
	    "del de que como donde porque tambi\xc3\xa9n sin sobre entre hay "
	    "muy m\xc3\xa1s ya sus su mi despu\xc3\xa9s antes luego entonces "
	    "adem\xc3\xa1s aunque seg\xc3\xban durante hoy"},
	{PITH_LANG_IT, LEX_FUNCTION,
	    "il lo la i gli le un uno una lui lei io noi voi loro ma e o in "
	    "con per se quando questo questa questi queste quello quella non "
	    "\xc3\xa8 sono era che come dove perch\xc3\xa9 anche ancora "
	    "gi\xc3\xa0 poi dopo prima allora inoltre tuttavia per\xc3\xb2 del "
	    "della dei delle al alla nel nella di da su tra fra molto "
	    "pi\xc3\xb9 oggi"},
	{PITH_LANG_PT, LEX_FUNCTION,
	    "o a os as um uma uns umas ele ela eles elas n\xc3\xb3s eu "
	    "voc\xc3\xaa mas e ou em no na nos nas com por para se quando "
	    "isso isto este esta esse essa n\xc3\xa3o \xc3\xa9 s\xc3\xa3o foi "
	    "era que como onde porque tamb\xc3\xa9m ainda j\xc3\xa1 depois "
	    "antes ent\xc3\xa3o al\xc3\xa9m do da dos das ao \xc3\xa0 pelo "
	    "pela muito mais hoje"},
	{PITH_LANG_NL, LEX_FUNCTION,
	    "de het een hij zij ze wij we ik jij je u jullie maar en of in op "
	    "met voor als toen dit dat deze die er niet geen is zijn was "
	    "waren wordt worden heeft hebben ook nog al dan daarna daarom "
	    "echter bovendien na bij van naar om uit over tot wat hoe waar "
	    "waarom wie vandaag hier"},
	{PITH_LANG_RU, LEX_FUNCTION,
	    "\xd0\xbe\xd0\xbd \xd0\xbe\xd0\xbd\xd0\xb0 \xd0\xbe\xd0\xbd\xd0\xbe "
	    "\xd0\xbe\xd0\xbd\xd0\xb8 \xd0\xbc\xd1\x8b \xd1\x8f \xd0\xb2\xd1\x8b "
	    "\xd1\x82\xd1\x8b \xd1\x8d\xd1\x82\xd0\xbe "
	    "\xd1\x8d\xd1\x82\xd0\xbe\xd1\x82 \xd1\x8d\xd1\x82\xd0\xb0 "
	    "\xd1\x8d\xd1\x82\xd0\xb8 \xd0\xbd\xd0\xbe \xd0\xb8 \xd0\xb0 "
	    "\xd0\xb2 \xd0\xbd\xd0\xb0 \xd1\x81 \xd0\xbf\xd0\xbe "
	    "\xd0\xba\xd0\xbe\xd0\xb3\xd0\xb4\xd0\xb0 "
	    "\xd0\xb5\xd1\x81\xd0\xbb\xd0\xb8 \xd1\x82\xd0\xb0\xd0\xbc "
	    "\xd1\x82\xd0\xbe\xd0\xb3\xd0\xb4\xd0\xb0 "
	    "\xd0\xbf\xd0\xbe\xd1\x82\xd0\xbe\xd0\xbc "
	    "\xd0\xbf\xd0\xbe\xd1\x81\xd0\xbb\xd0\xb5 \xd0\xbd\xd0\xb5 "
	    "\xd1\x87\xd1\x82\xd0\xbe \xd0\xba\xd0\xb0\xd0\xba "
	    "\xd0\xb3\xd0\xb4\xd0\xb5 \xd0\xba\xd1\x82\xd0\xbe "
	    "\xd0\xb6\xd0\xb5 \xd1\x83\xd0\xb6\xd0\xb5 "
	    "\xd0\xb1\xd1\x8b\xd0\xbb \xd0\xb1\xd1\x8b\xd0\xbb\xd0\xb0 "
	    "\xd0\xb1\xd1\x8b\xd0\xbb\xd0\xb8 \xd0\xb8\xd0\xb7 "
	    "\xd0\xb7\xd0\xb0 \xd0\xba \xd0\xbe\xd1\x82 \xd0\xb4\xd0\xbb\xd1\x8f "
	    "\xd0\xbe \xd0\xbf\xd1\x80\xd0\xb8 \xd1\x82\xd0\xb0\xd0\xba "
	    "\xd0\xbe\xd0\xb4\xd0\xbd\xd0\xb0\xd0\xba\xd0\xbe "
	    "\xd0\xb2\xd1\x81\xd0\xb5"},
	{PITH_LANG_PL, LEX_FUNCTION,
	    "on ona ono oni one my ja wy ty to ten ta te ale i a w we na z ze "
	    "po gdy kiedy je\xc5\x9bli wtedy potem nie jest by\xc5\x82 "
	    "by\xc5\x82""a by\xc5\x82o s\xc4\x85 \xc5\xbc""e jak gdzie "
	    "dlaczego kto co si\xc4\x99 do od dla o przez przy za "
	    "tak\xc5\xbc""e r\xc3\xb3wnie\xc5\xbc jednak wi\xc4\x99""c "
	    "dzi\xc5\x9b tak ju\xc5\xbc jeszcze"},
	/* Letter closings: "Thanks, Kim." ends the body of a message. */
	{PITH_LANG_EN, LEX_CLOSING,
	    "thanks regards best cheers sincerely love yours thx wishes "
	    "cordially respectfully"},
	{PITH_LANG_DE, LEX_CLOSING,
	    "gr\xc3\xbc\xc3\x9f""e gru\xc3\x9f gr\xc3\xbc\xc3\x9f""en danke"},
	{PITH_LANG_FR, LEX_CLOSING, "cordialement merci amiti\xc3\xa9s bises"},
	{PITH_LANG_ES, LEX_CLOSING, "saludos gracias atentamente"},
	{PITH_LANG_IT, LEX_CLOSING, "saluti grazie cordialmente"},
	{PITH_LANG_PT, LEX_CLOSING,
	    "abra\xc3\xa7os obrigado obrigada atenciosamente"},
	{PITH_LANG_NL, LEX_CLOSING, "groeten bedankt"},
	{PITH_LANG_RU, LEX_CLOSING,
	    "\xd1\x81\xd0\xbf\xd0\xb0\xd1\x81\xd0\xb8\xd0\xb1\xd0\xbe "
	    "\xd1\x83\xd0\xb2\xd0\xb0\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xb8"
	    "\xd0\xb5\xd0\xbc"},
	{PITH_LANG_PL, LEX_CLOSING,
	    "pozdrawiam pozdrowienia dzi\xc4\x99ki"},
	/* Greetings that open a message: "Dear Ms. Holt, Thank you ..." */
	{PITH_LANG_EN, LEX_GREETING, "dear hi hello hey"},
	{PITH_LANG_DE, LEX_GREETING, "liebe lieber hallo geehrte geehrter"},
	{PITH_LANG_FR, LEX_GREETING, "cher ch\xc3\xa8re bonjour"},
	{PITH_LANG_ES, LEX_GREETING, "querido querida estimado estimada hola"},
	{PITH_LANG_IT, LEX_GREETING, "caro cara gentile ciao"},
	{PITH_LANG_PT, LEX_GREETING, "caro cara prezado prezada ol\xc3\xa1"},
	{PITH_LANG_NL, LEX_GREETING, "beste geachte hoi"},
	{PITH_LANG_RU, LEX_GREETING,
	    "\xd1\x83\xd0\xb2\xd0\xb0\xd0\xb6\xd0\xb0\xd0\xb5\xd0\xbc"
	    "\xd1\x8b\xd0\xb9 \xd0\xb4\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb3"
	    "\xd0\xbe\xd0\xb9 \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5"
	    "\xd1\x82"},
	{PITH_LANG_PL, LEX_GREETING,
	    "drogi droga szanowny szanowna cze\xc5\x9b\xc4\x87"},
	/* Months that follow an ordinal with a period: "am 3. Oktober". */
	{PITH_LANG_DE, LEX_MONTH,
	    "januar j\xc3\xa4nner februar m\xc3\xa4rz april mai juni juli "
	    "august september oktober november dezember"},
};

static struct pith_lex *lexicon;
static pthread_once_t lexicon_once = PTHREAD_ONCE_INIT;

static void
lexicon_build(void)
{
	lexicon = pith_lex_build(words, sizeof words / sizeof words[0], 1);
}

static int
lex_value(enum pith_lang lang, const char *word, size_t len)
{
	char folded[PITH_LEX_MAXLEN];
	size_t n;

	pthread_once(&lexicon_once, lexicon_build);
	n = pith_seg_fold(word, len, folded, sizeof folded);
	return n == 0 ? 0 : pith_lex_get(lexicon, lang, folded, n);
}

const char *
pith_lang_name(enum pith_lang lang)
{
	if ((int)lang < 0 || lang >= PITH_LANG_COUNT)
		return "auto";
	return names[lang];
}

int
pith_lang_from_name(const char *name)
{
	int i;

	if (strcmp(name, "auto") == 0)
		return PITH_LANG_AUTO;
	for (i = 0; i < PITH_LANG_COUNT; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -2;
}

int
pith_lang_opener(enum pith_lang lang, const char *word, size_t len)
{
	uint32_t c;

	if (len == 0 || (int)lang < 0)
		return 0;
	pith_utf8_decode((const unsigned char *)word, len, &c);
	if (pith_sb(c) != PITH_SB_UPPER)
		return 0;
	return (lex_value(lang, word, len) & LEX_FUNCTION);
}

int
pith_lang_function(enum pith_lang lang, const char *word, size_t len)
{
	return (int)lang >= 0 && (lex_value(lang, word, len) & LEX_FUNCTION);
}

int
pith_lang_closing(enum pith_lang lang, const char *word, size_t len)
{
	return (int)lang >= 0 && (lex_value(lang, word, len) & LEX_CLOSING);
}

int
pith_lang_greeting(enum pith_lang lang, const char *word, size_t len)
{
	return (int)lang >= 0 && (lex_value(lang, word, len) & LEX_GREETING);
}

int
pith_lang_month(enum pith_lang lang, const char *word, size_t len)
{
	return (int)lang >= 0 && (lex_value(lang, word, len) & LEX_MONTH);
}

/* Letters that only some of the languages use: a little evidence that
 * counts in short texts. */
static int
letter_hint(uint32_t c)
{
	switch (c) {
	case 0xE4: case 0xF6: case 0xFC: case 0xDF:	/* ä ö ü ß */
		return PITH_LANG_DE;
	case 0xF1: case 0xBF: case 0xA1:		/* ñ ¿ ¡ */
		return PITH_LANG_ES;
	case 0xE3: case 0xF5:				/* ã õ */
		return PITH_LANG_PT;
	case 0xEA: case 0xEE: case 0xFB: case 0xE7:	/* ê î û ç */
		return PITH_LANG_FR;
	case 0xEC: case 0xF2:				/* ì ò */
		return PITH_LANG_IT;
	case 0x105: case 0x119: case 0x142: case 0x144:	/* ą ę ł ń */
	case 0x15B: case 0x17A: case 0x17C:		/* ś ź ż */
		return PITH_LANG_PL;
	}
	return -1;
}

/* Enough evidence: later text does not change the guess. */
#define GUESS_WORDS	4000

void
pith_lang_guess_add(struct pith_lang_guess *g, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, start, k;
	unsigned long cyr = 0, latin = 0;
	uint32_t c;
	int l, hint;

	while (i < len && g->words < GUESS_WORDS) {
		/* One word: a run of letters (apostrophes end it). */
		start = i;
		while (i < len) {
			k = pith_utf8_decode(s + i, len - i, &c);
			if (!(pith_cp_props(c) & PITH_CP_ALNUM))
				break;
			if (pith_cp_props(c) & PITH_CP_CYRILLIC)
				cyr++;
			else if (c < 0x250) {
				latin++;
				if (c >= 0xA1 && (hint = letter_hint(c)) >= 0)
					g->score[hint]++;
			}
			i += k;
		}
		if (i > start) {
			g->words++;
			for (l = 0; l < PITH_LANG_COUNT; l++)
				if (lex_value(l, text + start, i - start) &
				    LEX_FUNCTION)
					g->score[l] += 2;
			continue;
		}
		i += pith_utf8_decode(s + i, len - i, &c);
	}
	/* Script: Cyrillic text is Russian here, whatever else it has. */
	if (cyr > latin)
		g->score[PITH_LANG_RU] += cyr / 4;
}

enum pith_lang
pith_lang_guess_best(const struct pith_lang_guess *g)
{
	int l, best = PITH_LANG_EN;

	for (l = 0; l < PITH_LANG_COUNT; l++)
		if (g->score[l] > g->score[best])
			best = l;
	/* Too little to go on, or a tie: English, the default. */
	if (g->score[best] < 3)
		return PITH_LANG_EN;
	for (l = 0; l < PITH_LANG_COUNT; l++)
		if (l != best && g->score[l] == g->score[best])
			return PITH_LANG_EN;
	return (enum pith_lang)best;
}
