# Every third-party library pocket uses, found from the system (scripts/install-deps
# installs them on Debian 12); nothing is vendored.
find_package(PkgConfig REQUIRED)

pkg_check_modules(PortAudio REQUIRED IMPORTED_TARGET portaudio-2.0)
pkg_check_modules(RtMidi REQUIRED IMPORTED_TARGET rtmidi)
pkg_check_modules(SndFile REQUIRED IMPORTED_TARGET sndfile)
pkg_check_modules(SampleRate REQUIRED IMPORTED_TARGET samplerate)
pkg_check_modules(Jack REQUIRED IMPORTED_TARGET jack)
pkg_check_modules(Alsa REQUIRED IMPORTED_TARGET alsa)
pkg_check_modules(Curses REQUIRED IMPORTED_TARGET ncursesw)
pkg_check_modules(QREncode REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(RubberBand REQUIRED IMPORTED_TARGET rubberband)

find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(Threads REQUIRED)

if(POCKET_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
