import { HOSTILE_API_ROUTES } from "../fixtures/hostile-routes";
import { describeHostileRoutes, routeShare } from "../fixtures/hostile-suite";

// Property-based hostile input against every API endpoint, share 1 of 2, with API tokens and
// session cookies: JSON of every shape, wrong content types, garbage bodies, arbitrary query strings.
describeHostileRoutes("hostile API input", routeShare(HOSTILE_API_ROUTES, 0, 2));
