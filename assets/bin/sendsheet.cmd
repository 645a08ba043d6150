@echo off
rem The `sendsheet` command of the installed app (Windows): the command line bundled in the
rem app, run by the app's own Electron as plain Node. Installed as resources\bin\sendsheet.cmd.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\Sendsheet.exe" "%~dp0..\app.asar\dist\cli\sendsheet.mjs" %*
