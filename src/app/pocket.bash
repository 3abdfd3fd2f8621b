# bash completion for pocket: its commands, each command's options, drill names, kit names and
# pad names.
#
# Everything is asked of the program being completed, when completing: its own --help gives
# the commands and options (so they match that program), and 'pocket drills --names' and
# 'pocket kits --names' give the drills and kits, the player's own among them, and
# 'pocket kits --pads' a kit's pads. Plain bash: it needs nothing from the bash-completion
# package.

# The commands, from the table of 'pocket --help'.
_pocket_commands() {
  "$1" --help 2>/dev/null | awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }'
}

# A command's options from 'pocket COMMAND --help', one a line: "--name", or "--name arg" when
# it takes a value.
_pocket_options() {
  "$1" "$2" --help 2>/dev/null | awk '
    /^  -/ {
      name = $1; rest = 2
      if ($2 == "[") { name = $3; rest = 5 }
      print name ($rest == "arg" ? " arg" : "")
    }'
}

# Sets COMPREPLY to the words of $1 (one a line) that start with $2.
_pocket_reply() {
  local IFS=$'\n'
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

_pocket() {
  local program=${COMP_WORDS[0]/#\~/$HOME} cword=$COMP_CWORD
  local cur=${COMP_WORDS[cword]} prev=
  ((cword > 0)) && prev=${COMP_WORDS[cword - 1]}
  # bash splits "--drum-map=ro" at the "=": complete the value after it.
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && ((cword > 1)); then
    prev=${COMP_WORDS[cword - 2]}
  fi
  COMPREPLY=()

  if ((cword == 1)); then
    _pocket_reply "$(_pocket_commands "$program")"$'\n--help\n--version' "$cur"
    return
  fi
  local command=${COMP_WORDS[1]}

  case $prev in
    --drum-map)
      _pocket_reply "$("$program" kits --names 2>/dev/null)" "$cur"
      return
      ;;
    --drill)
      _pocket_reply "$("$program" drills --names 2>/dev/null)" "$cur"
      return
      ;;
    --remote-pad)
      # The pads of the kit a --drum-map on the line names, else of the player's kit.
      local i kit=
      for ((i = 2; i < cword - 1; i++)); do
        [[ ${COMP_WORDS[i]} == --drum-map ]] && kit=${COMP_WORDS[i + 1]}
        [[ $kit == = ]] && kit=${COMP_WORDS[i + 2]}
      done
      _pocket_reply "$("$program" kits --pads ${kit:+"$kit"} 2>/dev/null)"$'\nnone' "$cur"
      return
      ;;
  esac

  local options
  options=$(_pocket_options "$program" "$command")
  if [[ $cur == -* ]]; then
    _pocket_reply "$(cut -d' ' -f1 <<<"$options")" "$cur"
    return
  fi

  # 'pocket drill NAME' and 'pocket goal NAME': the first word that is no option nor an
  # option's value is the drill.
  if [[ $command == drill || $command == goal ]]; then
    local i word takes_value=
    for ((i = 2; i < cword; i++)); do
      word=${COMP_WORDS[i]}
      if [[ -n $takes_value || $word == = ]]; then
        takes_value=
        [[ $word == = ]] && takes_value=1
      elif [[ $word == -* ]]; then
        grep -qxF -- "$word arg" <<<"$options" && takes_value=1
      else
        return # the drill is already there; let readline complete file names
      fi
    done
    [[ -n $takes_value ]] && return
    _pocket_reply "$("$program" drills --names 2>/dev/null)" "$cur"
  fi
  # Other values (files, numbers): readline's own file name completion, through -o default.
}

complete -o default -F _pocket pocket
