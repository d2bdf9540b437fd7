// Every namespace in both languages, for the server only: the browser build replaces this
// module with an empty one, and the browser fetches its one language from /locales/{language}.
export { resources as bundledResources } from "./resources";
