export default defineBackground(() => {
  // Listeners are registered synchronously here; see the feature modules beside this file.
});
