@echo off
chcp 65001 >nul
rem Installs "Metodicheskij kabinet" from this folder, without internet (Windows x64).
rem   установить.bat              - into %LOCALAPPDATA%\metodkab-program
rem   установить.bat --dir FOLDER - into another folder
rem Finds a Python the bundle has wheels for (py launcher first) and runs install.py.
setlocal
if not exist "%~dp0install.py" (
    echo Распакуйте архив целиком в папку и запустите установить.bat из неё.
    pause
    exit /b 1
)
set "PY="
for %%V in (@PYTHONS_DESC@) do (
    if not defined PY (
        py -%%V -c "import sys" >nul 2>&1 && set "PY=py -%%V"
    )
)
if not defined PY (
    python -c "import sys; sys.exit(0 if '%%d.%%d' %% sys.version_info[:2] in '@PYTHONS@'.split() else 1)" >nul 2>&1 && set "PY=python"
)
if not defined PY (
    echo Не найден Python @PYTHONS_HUMAN@ ^(64-разрядный^).
    echo Скачайте установщик с https://www.python.org/downloads/windows/ ,
    echo при установке отметьте «Add python.exe to PATH», затем запустите этот файл снова.
    echo Подробнее — в README.txt.
    pause
    exit /b 1
)
%PY% "%~dp0install.py" %*
set "CODE=%ERRORLEVEL%"
pause
exit /b %CODE%
