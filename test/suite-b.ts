// The second half of the test files (test/suite.ts).
import { loadHalf } from "./suite";

loadHalf(1);
