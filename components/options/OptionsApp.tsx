export function OptionsApp() {
  return (
    <main data-testid="options">
      <h1>Parallax options</h1>
      <p>Parallax runs entirely on your device: nothing about the pages you read is sent anywhere.</p>
    </main>
  );
}
