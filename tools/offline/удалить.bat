@echo off
chcp 65001 >nul
rem Removes the program (its folder and launchers). The data stay where they are.
call "%~dp0установить.bat" --uninstall %*
