import { configure } from '@testing-library/react';

// Component tests wait for what main answers; on a busy two-core runner a render can take
// longer than the library's 1 s default, which is a slow machine, not a broken screen.
configure({ asyncUtilTimeout: 5000 });
