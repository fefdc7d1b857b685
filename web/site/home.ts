// The home page: the lesson list is static HTML; this only fills the footer's engine line.
import { showEngineStatus } from '../shell/page';

void showEngineStatus();
