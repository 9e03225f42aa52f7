// Every unit test file: cheap password wraps, so the suite's sign-ins do not spend its time in argon2 (the app's own
// cost is checked in test/unit/core/keys/kdf-cost.test.ts, which asks for the defaults again).
import { testPasswordKdfCost, usePasswordKdfCost } from '../../../electron/core/keys/kdf';

usePasswordKdfCost(testPasswordKdfCost);
