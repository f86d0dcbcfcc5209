// Prints one frame of the lab screen with its ANSI codes, for colour.test.tsx (run in a child process).
import React from 'react';
import {loadCatalogue} from '../../source/engine/lab/loader.js';
import {LabScreen} from '../../source/ui/LabScreen.js';
import {FakeSession} from './fake-session.js';
import {labState} from './screen-state.js';
import {renderSized} from './sized.js';

const lab = (await loadCatalogue()).find((candidate) => candidate.id === 'sentinel-failover')!;
const screen = renderSized(<LabScreen handle={new FakeSession(labState(lab, 1))} lang="en" onQuit={() => undefined} active />, 120, 40);
await new Promise((resolve) => setTimeout(resolve, 300));
process.stdout.write(screen.rawFrame());
screen.unmount();
process.exit(0);
