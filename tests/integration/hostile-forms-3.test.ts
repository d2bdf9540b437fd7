import { HOSTILE_FORM_ROUTES } from "../fixtures/hostile-routes";
import { describeHostileRoutes, routeShare } from "../fixtures/hostile-suite";

// Property-based hostile input against every form action, share 3 of 3 (the shares run in
// parallel): never a 5xx or a thrown error, and a refused request stores nothing.
describeHostileRoutes("hostile input", routeShare(HOSTILE_FORM_ROUTES, 2, 3));
