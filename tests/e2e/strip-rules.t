#!/bin/sh
# pith-strip: one small page per rule that once went wrong on a real
# page. Each page is written for the test; the rule it checks is named.
. "$(dirname "$0")/lib.sh"

para() {	# a paragraph of plain prose, about 40 words, numbered
	printf '<p>Paragraph %s of the story: the harbour board met on Tuesday evening and agreed, after a long and sometimes heated debate, to rebuild the old sea wall before the winter storms, paying for it from the reserve fund and a loan.</p>\n' "$1"
}

# class "commentary" is an opinion piece, not the comments under one
{
	echo '<html><body><div class="sect article commentary">'
	echo '<h1>Why the sea wall matters</h1>'
	for i in 1 2 3 4; do para "$i"; done
	echo '</div><div class="comments"><p>Reader one: I disagree with every word of this.</p></div></body></html>'
} > "$TMP/commentary.html"
out=$(pith-strip "$TMP/commentary.html")
contains "$out" "Paragraph 1 of the story" "class=commentary: the opinion piece is kept"
contains "$out" "Paragraph 4 of the story" "class=commentary: all of it"
lacks "$out" "Reader one" "class=commentary: real comments still dropped"

# a column whose class mentions navigation but holds prose is not a menu
{
	echo '<html><body><ul class="menu"><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul>'
	echo '<div class="grid__column left-navigation-wrapper--margin"><h1>Board rebuilds the wall</h1>'
	for i in 1 2 3 4 5; do para "$i"; done
	echo '</div><div class="gallery">'
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		printf '<h4>Photo %s</h4><p>Caption %s: members of the board on the quay with the mayor and the harbour master.</p>\n' "$i" "$i"
	done
	echo '</div><div><ul>'
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
		printf '<li><a href="/a%s">Another story from the archive that you may also want to read</a></li>\n' "$i"
	done
	echo '</ul></div></body></html>'
} > "$TMP/navprose.html"
out=$(pith-strip "$TMP/navprose.html")
contains "$out" "Paragraph 3 of the story" "prose in a 'navigation'-named column: kept"
lacks "$out" "Caption 2:" "prose in a 'navigation'-named column: the gallery beside it is not chosen"
lacks "$out" "News" "prose in a 'navigation'-named column: the real menu is still dropped"
ex=$(pith-strip --explain "$TMP/navprose.html")
contains "$ex" "drop	navigation" "explain: the real menu is still navigation"

# PHP warnings printed into a page are not its text, however long
{
	echo '<html><body><div id="page"><h2>Number two</h2>'
	echo '<p>It has been some time since the first one arrived. A few days ago the second made it too.</p>'
	echo '<p>This is how it looked when they first met.</p>'
	echo '<p><b>Notice</b>: Undefined index: id in <b>/htdocs/post.php</b> on line <b>7</b></p></div><div>'
	for i in 1 2 3 4; do
		printf '<b>Warning</b>: Use of undefined constant comments - assumed comments (this will throw an Error in a future version of PHP) in <b>/htdocs/wp-content/plugins/recent/recent.php</b> on line <b>92%s</b><br>\n' "$i"
	done
	echo '</div></body></html>'
} > "$TMP/phpwarn.html"
out=$(pith-strip "$TMP/phpwarn.html")
contains "$out" "A few days ago the second made it too." "PHP warnings: the post is chosen"
lacks "$out" "undefined constant" "PHP warnings: dropped"
ex=$(pith-strip --explain "$TMP/phpwarn.html")
contains "$ex" "drop	error-message" "explain: PHP warning shown as error-message"

# text comes out in NFC: a decomposed letter and a precomposed
# composition exclusion both end as the canonical form
printf '<html><body><p>Cafe\314\201 au lait, the menu says, and the Bengali \340\246\257\340\246\274 and \340\247\237 agree.</p></body></html>' > "$TMP/nfc.html"
out=$(pith-strip "$TMP/nfc.html")
contains "$out" "$(printf 'Caf\303\251 au lait')" "NFC: e + combining acute composed"
lacks "$out" "$(printf '\340\247\237')" "NFC: U+09DF (a composition exclusion) decomposed"
contains "$out" "$(printf '\340\246\257\340\246\274 and \340\246\257\340\246\274 agree')" "NFC: both spellings of the letter compare equal"

# short labels: "Weiterlesen:" and a photo credit line are not text
{
	echo '<html><body><article><h1>Der neue Deich</h1>'
	for i in 1 2 3; do para "$i"; done
	echo '<p>Foto: Hafenamt</p>'
	for i in 4 5; do para "$i"; done
	echo '<p>Weiterlesen:</p></article></body></html>'
} > "$TMP/labels.html"
out=$(pith-strip "$TMP/labels.html")
contains "$out" "Paragraph 5 of the story" "labels: the story is kept"
lacks "$out" "Foto: Hafenamt" "labels: a photo credit line is dropped"
lacks "$out" "Weiterlesen" "labels: a read-more label is dropped"

# a copyright notice is dropped whatever its length; a paragraph about
# copyright is not a notice
{
	echo '<html><body><article><h1>Wall rebuilt</h1>'
	for i in 1 2 3; do para "$i"; done
	echo '<p>Copyright law in the harbour towns was settled long before the wall, and the board quoted it twice in the meeting on Tuesday.</p>'
	echo '<p>&copy; 2022, The Harbour Gazette. This article is the copyrighted property of The Harbour Gazette. Written permission must be obtained before any reprint in online or print media, and rebroadcasting is prohibited without permission.</p>'
	echo '</article></body></html>'
} > "$TMP/notice.html"
out=$(pith-strip "$TMP/notice.html")
contains "$out" "Copyright law in the harbour towns" "notice: a paragraph about copyright is kept"
lacks "$out" "copyrighted property" "notice: a long copyright notice is dropped"

# customer reviews under a product are comments: dropped unless asked
{
	echo '<html><body><main><h1>Trail 25 pack</h1>'
	echo '<p>Keep your gear within easy reach in the Trail 25 pack. It fits a wide range of body types, has a ripstop nylon body with a water repellent finish and pockets for everything you need on a day in the hills.</p>'
	echo '<p>The hip belt carries the load and the back panel breathes; a sleeve holds a water reservoir of up to three litres, and the lid pocket keeps a map and a phone dry.</p>'
	echo '<p>Weight: one kilogram and eight hundred grams. Volume: twenty-five litres. Made from recycled nylon, with buckles that work in gloves.</p>'
	echo '<div class="product-reviews"><h2>Reviews</h2>'
	echo '<p>Rated 5 out of 5. I carried it on four long walks this summer and it never once rubbed my shoulders; the side pockets swallow a big bottle.</p>'
	echo '<p>Rated 4 out of 5. Good pack for the price, though the zip on the lid pocket sticks when it is full and the colour faded after a season.</p>'
	echo '</div></main></body></html>'
} > "$TMP/reviews.html"
out=$(pith-strip "$TMP/reviews.html")
contains "$out" "sleeve holds a water reservoir" "product: description kept"
lacks "$out" "never once rubbed my shoulders" "product: customer reviews dropped"
out=$(pith-strip --keep comments "$TMP/reviews.html")
contains "$out" "never once rubbed my shoulders" "product: --keep comments brings the reviews back"

# a heading whose section was dropped (an author box) goes with it;
# a heading over kept text stays
{
	echo '<html><body><article><h1>Wall rebuilt</h1>'
	for i in 1 2 3; do para "$i"; done
	echo '<h2>What happens next</h2>'
	para 4
	echo '<h3>About Maren Okafor</h3><div class="author-bio">Maren writes about the coast for the Ledger and has covered the harbour board since it was founded.</div>'
	echo '</article></body></html>'
} > "$TMP/orphan.html"
out=$(pith-strip "$TMP/orphan.html")
contains "$out" "What happens next" "orphan headings: a heading over kept text stays"
lacks "$out" "has covered the harbour board" "orphan headings: the author bio is dropped"
lacks "$out" "About Maren Okafor" "orphan headings: its heading goes with it"

# <noscript> content is laid out as markup, never printed as tags
{
	echo '<html><head><noscript><link rel="stylesheet" href="x.css"></noscript></head><body><main>'
	echo '<noscript><div class="post"><h2>Number two</h2><p>It has been some <b>time</b> since the first one arrived; a few days ago the second made it too, and the house is loud again.</p></div></noscript>'
	echo '</main></body></html>'
} > "$TMP/noscript.html"
out=$(pith-strip "$TMP/noscript.html")
contains "$out" "It has been some time since" "noscript: its text is laid out"
lacks "$out" "<" "noscript: no markup printed as text"

# escaped markup in <noscript> (a tracking pixel written as "&lt;img ...")
# is neither text nor a reason to take the whole page
{
	echo '<html><body><div id="wrap"><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul>'
	for i in 1 2 3 4 5 6; do
		printf '<noscript>&lt;div style="position:absolute;"&gt;&lt;img width=1 height=1 alt="" src="http://px.example/b?P=%s&amp;T=16lu7dcl9%%2fX%%3d1489053188%%2fE%%3d2078709551%%2fR%%3djp_hdln_te%%2fK%%3d5%%2fV%%3d2.1%%2fW%%3dH%%2fY%%3djp%%2fF%%3d779653832"&gt;&lt;/div&gt;</noscript>\n' "$i"
	done
	echo '<div id="story"><h1>Board rebuilds the wall</h1>'
	for i in 1 2 3; do para "$i"; done
	echo '</div></div></body></html>'
} > "$TMP/noscript-escaped.html"
out=$(pith-strip "$TMP/noscript-escaped.html")
contains "$out" "Paragraph 2 of the story" "escaped noscript: the story is kept"
lacks "$out" "position:absolute" "escaped noscript: markup source not printed"
lacks "$out" "News" "escaped noscript: the menu around it stays out"

# Japanese is written without spaces: a long paragraph is long, so the
# story wins over a menu of many short links
{
	echo '<html><body><div id="page"><div id="menu"><ul>'
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		printf '<li><a href="/c%s">カテゴリー%s</a></li>\n' "$i" "$i"
	done
	echo '</ul><p>キーワード：</p><p>ログインして便利に使おう</p></div><div id="story"><h1>港の防波堤を再建へ</h1>'
	for i in 1 2 3; do
		printf '<p>港湾委員会は火曜日の夜に会合を開き、長い議論の末、冬の嵐が来る前に古い防波堤を再建することで合意した。費用は準備基金と借入金でまかなう。第%s段落。</p>\n' "$i"
	done
	echo '</div><div id="side"><p>アクセスランキング</p></div></div></body></html>'
} > "$TMP/japanese.html"
out=$(pith-strip "$TMP/japanese.html")
contains "$out" "第3段落" "Japanese: the story is kept"
lacks "$out" "カテゴリー1" "Japanese: the menu is dropped"
lacks "$out" "キーワード" "Japanese: the label beside the menu is dropped"

# a custom element with an href (<dropdown-item href=...>) is a link: a
# menu made of them is a menu
{
	echo '<html><body><div id="page"><div class="mn-content">'
	for c in Guitars Basses Drums Keyboards Microphones; do
		printf '<h4>%s</h4><div>' "$c"
		for k in Electric Acoustic Vintage Left-handed Travel Kids Boutique Bundles; do
			printf '<dropdown-item href="/c/%s-%s">%s %s</dropdown-item> ' "$k" "$c" "$k" "$c"
		done
		echo '</div>'
	done
	echo '</div><div class="product"><h1>Shure SM7dB</h1>'
	echo '<p>The dynamic microphone that broadcasters know, now with a built-in preamp that adds up to 28 dB of clean gain, so it works with any interface.</p>'
	echo '<p>The dual tone controls and the internal air suspension are those of the original, and the windscreen ships in the box.</p>'
	echo '</div></div></body></html>'
} > "$TMP/custom-links.html"
out=$(pith-strip "$TMP/custom-links.html")
contains "$out" "built-in preamp" "custom-element links: the product text is kept"
lacks "$out" "Vintage Guitars" "custom-element links: the menu made of them is dropped"

# a script-built page's shell has no main content: no text, and JSON says so
{
	echo '<html><head><title>Shop</title></head><body><div id="root"></div>'
	echo '<noscript>You need to enable JavaScript to run this app.</noscript>'
	echo '<footer><a href="/about">About</a> <a href="/help">Help</a></footer></body></html>'
} > "$TMP/shell.html"
out=$(pith-strip "$TMP/shell.html")
is "$out" "" "script shell: no text"
pith-strip -f json "$TMP/shell.html" > "$TMP/shell.json"
contains "$(cat "$TMP/shell.json")" '"status":"no-content"' "script shell: JSON status no-content"
ex=$(pith-strip --explain "$TMP/shell.html")
contains "$ex" "drop	short" "script shell: explain says the line was too short to be content"

# a docs index page: short sections, and a sidebar menu tree whose
# branches (an item holding a list of links) look like cards but are not
{
	echo '<html><body><div class="layout"><div class="sidebar-tree"><ul>'
	for b in Quickstart Workflows Runners Security Deployments Monitoring; do
		printf '<li class="branch"><a href="/%s">%s</a><ul>' "$b" "$b"
		for k in Overview Concepts Tutorial Reference Limits Billing; do
			printf '<li class="leaf"><a href="/%s/%s">%s of %s</a></li>' "$b" "$k" "$k" "$b"
		done
		echo '</ul></li>'
	done
	echo '</ul></div><div class="article"><h1>Writing workflows</h1>'
	echo '<p>Workflows automate the tasks of your software lifecycle.</p>'
	echo '<h2>Using templates</h2><p>Templates exist for many languages.</p>'
	echo '<h2>Choosing when it runs</h2><p>A workflow runs on a schedule or on events.</p>'
	echo '</div></div></body></html>'
} > "$TMP/docs-index.html"
out=$(pith-strip "$TMP/docs-index.html")
contains "$out" "A workflow runs on a schedule" "docs index: the short sections are kept"
lacks "$out" "Tutorial of Runners" "docs index: the menu tree is no card grid"

# a photo credit on its own line is attribution, not text; prose with a
# slash in it is not a credit
{
	echo '<html><body><article><h1>Board rebuilds the wall</h1>'
	para 1
	echo '<p>Foto: Galli/Malteser</p>'
	para 2
	echo '<p>DCV / Oppitz</p>'
	para 3
	echo '<p>Input/output is slow</p>'
	echo '</article></body></html>'
} > "$TMP/credit.html"
out=$(pith-strip "$TMP/credit.html")
lacks "$out" "Galli/Malteser" "photo credit with 'Foto:' dropped"
lacks "$out" "Oppitz" "credit of slash-joined names dropped"
contains "$out" "Input/output is slow" "a lower-case slash phrase is text"
contains "$out" "Paragraph 3 of the story" "credits: the story is kept"
ex=$(pith-strip --explain "$TMP/credit.html")
contains "$ex" "drop	metadata        	p	w=3 ld=0.00 g=-1.0	Foto: Galli" "explain: a credit is metadata"

# calls to action in German and English: sign-up teasers inside the
# article body are not its text
{
	echo '<html><body><article><h1>Board rebuilds the wall</h1>'
	para 1
	echo '<p>Lust auf mehr? Jetzt registrieren und nichts mehr verpassen!</p>'
	para 2
	echo '<p>Download our app for breaking news updates.</p>'
	para 3
	echo '</article></body></html>'
} > "$TMP/cta.html"
out=$(pith-strip "$TMP/cta.html")
lacks "$out" "Lust auf mehr" "German sign-up teaser dropped"
lacks "$out" "Download our app" "app download teaser dropped"
contains "$out" "Paragraph 3 of the story" "teasers: the story is kept"

# a note about commenting is not the article's text; a paragraph that
# mentions comments is; "Quellen ausblenden" is a toggle, not text
{
	echo '<html><body><article><h1>Board rebuilds the wall</h1>'
	para 1
	echo '<p>Sie müssen sich anmelden um Kommentare zu schreiben.</p>'
	para 2
	echo '<p>Quellen ausblenden</p>'
	echo '<p>Photos and albums are faster than before, and it is easier to share photos, view comments and edit captions on the go with the new app.</p>'
	echo '</article></body></html>'
} > "$TMP/comment-note.html"
out=$(pith-strip "$TMP/comment-note.html")
lacks "$out" "um Kommentare zu schreiben" "a note about commenting is dropped"
lacks "$out" "Quellen ausblenden" "a show/hide toggle is dropped"
contains "$out" "view comments and edit captions" "a sentence mentioning comments is kept"
out=$(pith-strip --keep comments "$TMP/comment-note.html")
contains "$out" "um Kommentare zu schreiben" "--keep comments keeps the note"


# a page saved with a dialog open: the dialog hid the page behind it
{
	echo '<html><body><div role="dialog" class="notice"><p>Choose your region and language before you go on, so that we can show you the right prices and delivery times for the place you live in. You can change both later from the settings page, and your choice is kept on this device for the next time you visit us.</p></div>'
	echo '<main aria-hidden="true"><h1>Board rebuilds the wall</h1>'
	for i in 1 2 3 4 5 6; do para "$i"; done
	echo '</main></body></html>'
} > "$TMP/modal.html"
out=$(pith-strip "$TMP/modal.html")
contains "$out" "Paragraph 5 of the story" "page hidden behind a dialog: the page is read"
lacks "$out" "Choose your region" "page hidden behind a dialog: the dialog is not chosen"
{
	echo '<html><body><h1>Board rebuilds the wall</h1>'
	for i in 1 2 3 4 5 6; do para "$i"; done
	echo '<div aria-hidden="true"><p>Hidden note one holds some more words than a caption would.</p></div>'
	echo '<div style="display:none"><p>Hidden note two holds some more words than a caption would.</p></div>'
	echo '</body></html>'
} > "$TMP/smallhidden.html"
out=$(pith-strip "$TMP/smallhidden.html")
contains "$out" "Paragraph 6 of the story" "small hidden parts: the page is read"
lacks "$out" "Hidden note" "small hidden parts: still hidden"

# React's streamed parts arrive hidden, for a script to move in place
{
	echo '<html><body><div id="root"><nav><a href="/">Home</a></nav><!--$?--><template id="B:0"></template><p>Loading...</p><!--/$--></div>'
	echo '<aside><p>Visible note beside the story: the museum on the quay is open every day in summer from ten until six, and on weekends in winter, with free entry for children.</p></aside>'
	echo '<div hidden id="S:0"><h1>Board rebuilds the wall</h1>'
	for i in 1 2 3; do para "$i"; done
	echo '</div><div hidden id="S:1">'
	for i in 4 5 6; do para "$i"; done
	echo '</div><div hidden id="menu-9"><p>Hidden menu text that no reader sees on the page at all.</p></div></body></html>'
} > "$TMP/streamed.html"
out=$(pith-strip "$TMP/streamed.html")
contains "$out" "Paragraph 2 of the story" "React streamed part (hidden id=S:0): read"
contains "$out" "Paragraph 5 of the story" "React streamed part (hidden id=S:1): read"
lacks "$out" "Hidden menu text" "React streamed part: other hidden elements stay hidden"

# closed tabs and accordion folds are text one click away
{
	echo '<html><body><h1>Garden bench</h1>'
	para 1; para 2
	echo '<div class="accordion"><button>Materials</button><div class="chakra-collapse" style="display:none"><p>Solid oak slats, galvanised steel frame and stainless fittings throughout.</p></div>'
	echo '<div role="tabpanel" hidden><p>Care: oil the slats twice a year and store the bench dry over winter.</p></div></div>'
	echo '<div style="display:none" class="gform_page"><p>Step two of the order form asks for your postal address.</p></div>'
	echo '</body></html>'
} > "$TMP/folded.html"
out=$(pith-strip "$TMP/folded.html")
contains "$out" "Solid oak slats" "collapsed accordion panel: kept"
contains "$out" "oil the slats twice" "hidden tab panel: kept"
lacks "$out" "Step two of the order form" "other display:none parts: dropped"

# a product's specification sheet: short lines, yet the content
{
	echo '<html><body><nav><a href="/">Home</a> <a href="/chairs">Chairs</a></nav><div class="product">'
	echo '<h1>Vinyl Executive Chair</h1><div class="specs"><p>Features</p><ul><li>Hand-applied brass nail trim</li></ul><p>Details</p><dl>'
	for k in "Seat Height:19 in" "Frame Material:Manufactured Wood" "Upholstery:Vinyl" "Weight Capacity:275 lb" "Tilt Lock:Yes" "Casters:Yes"; do
		printf '<div><dt>%s</dt><dd>%s</dd></div>\n' "${k%%:*}" "${k#*:}"
	done
	echo '</dl></div><div class="summary"><h2>Customers say</h2><div>Customers praise this chair for its comfort and easy assembly, though a few mention the colour differs from the photos.</div></div></div>'
	echo '<footer><p>Copyright 2025 Chairs Inc.</p></footer></body></html>'
} > "$TMP/specs.html"
out=$(pith-strip "$TMP/specs.html")
contains "$out" "Manufactured Wood" "spec sheet (dl): kept"
contains "$out" "275 lb" "spec sheet (dl): all of it"
lacks "$out" "Copyright 2025" "spec sheet: the footer is still dropped"

# a "footer" holding the most text but not the headline is the foot
{
	echo '<html><body><div class="product"><h1>Iris Hemp Dress</h1>'
	para 1; para 2
	echo '</div><div id="page-footer-wrapper"><h4>What customers say</h4>'
	for i in 1 2 3 4 5 6; do
		printf '<div class="testimonial"><p>Testimonial %s: I ordered from this shop twice and both times the parcel came in a few days, beautifully packed, and the clothes fit perfectly.</p><h4>Customer %s</h4></div>\n' "$i" "$i"
	done
	echo '</div></body></html>'
} > "$TMP/bigfoot.html"
out=$(pith-strip "$TMP/bigfoot.html")
contains "$out" "Paragraph 2 of the story" "big footer: the page above it is chosen"
lacks "$out" "Testimonial 3" "big footer: its testimonials are dropped"
{
	echo '<html><body><div class="flex-wrap-footer"><div id="content"><h1>A paper on merging models</h1>'
	for i in 1 2 3 4 5; do para "$i"; done
	echo '</div></div><footer><p>About Help Contact</p></footer></body></html>'
} > "$TMP/wrapfoot.html"
out=$(pith-strip "$TMP/wrapfoot.html")
contains "$out" "Paragraph 4 of the story" "a 'footer' wrapper holding the headline is no footer"

{
	echo '<html><body><div id="content" class="elements not-footer"><h2>Great service, fast response</h2>'
	for i in 1 2 3 4; do para "$i"; done
	echo '</div><div id="footer"><p>Call us any day.</p></div></body></html>'
} > "$TMP/notfoot.html"
out=$(pith-strip "$TMP/notfoot.html")
contains "$out" "Paragraph 3 of the story" "class 'not-footer' is no footer"

# a short inline credit after a caption is a photo credit, dropped; a
# long "credit" span is a caption in disguise and stays
{
	echo '<html><body><article><h1>A new president</h1>'
	para 1
	echo '<p><img src=a.jpg><span class="caption">The new president with the returning officer.</span><span class="credits">DCV / Oppitz</span></p>'
	para 2
	echo '<p><img src=b.jpg><span class="credit">Always check the prices as it is often more expensive to rent a car at the airport</span></p>'
	para 3
	echo '</article></body></html>'
} > "$TMP/credit.html"
out=$(pith-strip "$TMP/credit.html")
contains "$out" "The new president with the returning officer." "credit span: the caption stays"
lacks "$out" "Oppitz" "credit span: the credit goes"
contains "$out" "rent a car at the airport" "credit span: a long one is kept"

# a box about the author ("author" with box, bio, info...) is a byline;
# "entry-author-jane" on the post itself is the post's taxonomy
{
	echo '<html><body><div class="entry-author-jane_doe entry"><h1>The sea wall</h1>'
	for i in 1 2 3; do para "$i"; done
	echo '</div><div class="m-author"><div class="m-author__name">Jane Doe</div>'
	echo '<div class="m-author__description">Jane is the co-founder of a small harbour consultancy and has written about coastal towns for twenty years, mostly for regional papers and two books.</div></div>'
	echo '</body></html>'
} > "$TMP/authorbox.html"
out=$(pith-strip "$TMP/authorbox.html")
contains "$out" "Paragraph 3 of the story" "author box: the post classed entry-author-* is kept"
lacks "$out" "co-founder of a small harbour" "author box: the author's description is dropped"

# a date or time on its own line is metadata; a sentence with a date,
# or a list item that is a date, is not
{
	echo '<html><body><article><h1>Die Strohtasche</h1><p>Dienstag, 4. Juni 2019, 15:54</p>'
	for i in 1 2 3; do para "$i"; done
	echo '<p>On 4 June 2019 the board met.</p><ul><li>12.05.2020</li><li>13.05.2020</li></ul></article></body></html>'
} > "$TMP/dateline.html"
out=$(pith-strip "$TMP/dateline.html")
lacks "$out" "Dienstag, 4. Juni 2019" "a date line under the headline is dropped"
contains "$out" "On 4 June 2019 the board met." "a sentence with a date is kept"
contains "$out" "13.05.2020" "a list item that is a date is kept"

# a teaser's excerpt ending in "Weiterlesen" / "Read more" is a teaser
{
	echo '<html><body><article><h1>Adele zeigt sich</h1>'
	for i in 1 2 3; do para "$i"; done
	echo '<div class="snippet"><h3><a href="/b">Bella Hadid im Urlaub</a></h3><div>Sommerzeit ist Urlaubszeit, das lässt sich Bella Hadid nicht zwei mal sagen. Seht selbst! <strong><a href="/b">Weiterlesen</a></strong></div></div>'
	echo '</article></body></html>'
} > "$TMP/excerpt.html"
out=$(pith-strip "$TMP/excerpt.html")
contains "$out" "Paragraph 3 of the story" "excerpt: the story is kept"
lacks "$out" "Sommerzeit ist Urlaubszeit" "excerpt: a teaser ending in 'Weiterlesen' is dropped"

done_testing
