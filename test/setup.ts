import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

// findBy*/waitFor wait for a render after the settings load or a user event: well under half a second
// on an idle machine, five times that on a 2-core machine at load 10. Testing Library's default of
// 1 s would fail such a machine; 5 s still fails a render that never comes.
configure({ asyncUtilTimeout: 5_000 });
