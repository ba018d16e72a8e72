// "Listen": reads the question and its answers aloud, only when pressed. A board's recording if there is one,
// otherwise the browser's own voice for the page's language; if the device has none, it says so.
(function () {
  "use strict";
  var box = document.querySelector("[data-listen]");
  if (!box) return;
  var button = box.querySelector("button");
  var status = box.querySelector("[role=status]");
  var synth = window.speechSynthesis;
  var audio = null;
  var playing = false;
  box.hidden = false;

  function base(tag) { return (tag || "").toLowerCase().replace("_", "-").split("-")[0]; }

  function voiceFor(lang) {
    var voices = synth ? synth.getVoices() : [];
    var exact = voices.filter(function (v) { return v.lang.toLowerCase().replace("_", "-") === lang.toLowerCase(); });
    var near = voices.filter(function (v) { return base(v.lang) === base(lang); });
    return exact[0] || near[0] || null;
  }

  // Voices load after the page in some browsers: wait a moment for them before saying there are none.
  function withVoices(then) {
    if (!synth || synth.getVoices().length) { then(); return; }
    var waited = false;
    function go() { if (!waited) { waited = true; then(); } }
    synth.addEventListener("voiceschanged", go, { once: true });
    setTimeout(go, 1000);
  }

  function stopped() {
    playing = false;
    button.textContent = box.dataset.listenLabel;
  }

  function started() {
    playing = true;
    status.textContent = "";
    button.textContent = box.dataset.stopLabel;
  }

  function stop() {
    if (audio) { audio.pause(); audio.currentTime = 0; }
    if (synth) synth.cancel();
    stopped();
  }

  function playRecording() {
    audio = audio || new Audio(box.dataset.audio);
    audio.onended = stopped;
    started();
    var attempt = audio.play();
    if (attempt && attempt.catch) {
      attempt.catch(function () { stopped(); status.textContent = box.dataset.noAudio; });
    }
  }

  function speak() {
    withVoices(function () {
      var voice = voiceFor(box.dataset.lang);
      if (!voice || !window.SpeechSynthesisUtterance) { status.textContent = box.dataset.noVoice; return; }
      var words = new SpeechSynthesisUtterance(box.dataset.text);
      words.voice = voice;
      words.lang = voice.lang;
      words.onend = stopped;
      words.onerror = stopped;
      synth.cancel();
      started();
      synth.speak(words);
    });
  }

  button.addEventListener("click", function () {
    if (playing) { stop(); return; }
    if (box.dataset.audio) { playRecording(); } else { speak(); }
  });
  // Leaving the page (Continue, Back, quick exit) stops the voice too.
  window.addEventListener("pagehide", stop);
})();
