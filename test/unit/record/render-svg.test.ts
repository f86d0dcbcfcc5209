import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {renderCast} from '../../../source/record/render/render.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/render/${name}`, import.meta.url), 'utf8');
const text = (picture: {data: Uint8Array}) => Buffer.from(picture.data).toString('utf8');

test('the fixture renders to an SVG that parses, with one film-strip frame per distinct screen and the loop as long as the cast', async () => {
	const picture = await renderCast(fixture('fixture.cast'), 'svg');
	const svg = text(picture);
	assert.equal(XMLValidator.validate(svg), true);
	const parsed = new XMLParser({ignoreAttributes: false}).parse(svg) as {svg: {'@_width': string; '@_height': string}};
	assert.equal(parsed.svg['@_width'], '188', '20 columns of 8.4 px and the padding');
	assert.equal(parsed.svg['@_height'], '110', '5 rows of 18 px and the padding');
	assert.equal(picture.frames, 5);
	assert.equal(svg.match(/<g transform="translate\(0 \d+\)">/g)?.length, 5);
	assert.equal(picture.duration, 6, '4 s of cast after the idle limit, the last frame held 2 s');
	assert.match(svg, /animation:play 6\.000s step-end infinite/);
	// Frames start at 0, 0.5, 1, 3 and 4 s of 6.
	assert.deepEqual([...svg.matchAll(/([\d.]+)%\{transform:translateY/g)].map((match) => Number(match[1])), [0, 8.3333, 16.6667, 50, 66.6667, 100]);
	for (const shown of ['>Hello<', '>中文<', '>ok<', '>INV<', '>later<']) assert.ok(svg.includes(shown), `${shown} is drawn`);
	assert.match(svg, /<text x="0" textLength="16.8">中<\/text>|<text x="0" textLength="33.6">中文<\/text>/, 'a wide character takes two columns');
	assert.match(svg, /<title>Step 2: Wait<\/title>/, 'a frame carries its step marker as its title');
	assert.match(svg, /class="c\w+ b"/, 'bold red text has a colour class and the bold class');
	assert.match(svg, /fill="#d0d4e0"\/>/, 'inverse text has a rect in the foreground colour behind it');
});

test('the cursor is drawn only on the frame where the app shows it', async () => {
	const svg = text(await renderCast(fixture('fixture.cast'), 'svg'));
	assert.equal(svg.match(/opacity="0.6"/g)?.length, 1);
});

test('an asciinema v2 cast and a v3 cast render; the light theme paints a light background', async () => {
	const asciinema = text(await renderCast(fixture('asciinema.cast'), 'svg', {theme: 'light'}));
	assert.equal(XMLValidator.validate(asciinema), true);
	assert.ok(asciinema.includes('>你好<'));
	assert.ok(asciinema.includes('>done<'));
	assert.match(asciinema, /<rect width="100%" height="100%" rx="6" fill="#fdfdfd"\/>/);
	const v3 = await renderCast(fixture('v3.cast'), 'svg');
	assert.equal(v3.frames, 4);
	assert.equal(v3.duration, 4.5);
});

test('text that is markup in XML is escaped', async () => {
	const cast = '{"version":2,"width":12,"height":1}\n[0.1,"o","<a> & \\"b\\""]\n';
	const svg = text(await renderCast(cast, 'svg'));
	assert.equal(XMLValidator.validate(svg), true);
	assert.ok(svg.includes('&lt;a&gt; &amp; &quot;b&quot;'));
});
