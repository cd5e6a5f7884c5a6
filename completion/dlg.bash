# bash completion for dlg and every dlg-* command (installed as
# share/bash-completion/completions/dlg, with a link for each dlg-NAME).
# Options are read from the command's own --help, so they never go stale;
# --session offers the conference ids of the case folder's sessions.csv.

# The case folder as the commands find it: -C DIR on the line, else
# $DLG_DIR, else the nearest folder upwards with a dlg.conf, else ".".
_dlg_case_dir()
{
	local i dir=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-C) dir=${COMP_WORDS[i + 1]} ;;
		-C?*) dir=${COMP_WORDS[i]#-C} ;;
		esac
	done
	if [[ -n $dir ]]; then
		eval dir="$dir" 2>/dev/null # expand ~
		printf '%s\n' "$dir"
		return
	fi
	if [[ -n ${DLG_DIR-} ]]; then
		printf '%s\n' "$DLG_DIR"
		return
	fi
	dir=$PWD
	while [[ -n $dir ]]; do
		[[ -f $dir/dlg.conf ]] && { printf '%s\n' "$dir"; return; }
		dir=${dir%/*}
	done
	printf '.\n'
}

# The file of [files] KEY in the case folder's dlg.conf, else DEFAULT.
_dlg_case_file()
{
	local dir=$1 key=$2 def=$3 name
	if [[ -f $dir/dlg.conf ]]; then
		name=$(awk -v k="$key" '
			/^[ \t]*\[/ { sec = $0; gsub(/[][ \t]/, "", sec); next }
			sec == "files" && $0 ~ "^[ \t]*" k "[ \t]*=" {
				sub(/^[^=]*=[ \t]*/, ""); sub(/[ \t]+$/, ""); print; exit }' "$dir/dlg.conf")
	fi
	printf '%s/%s\n' "$dir" "${name:-$def}"
}

# Conference ids: first column of sessions.csv (a quoted id is unquoted).
_dlg_sessions()
{
	local dir file
	dir=$(_dlg_case_dir)
	file=$(_dlg_case_file "$dir" sessions sessions.csv)
	[[ -r $file ]] || return
	awk -F, 'NR > 1 && $1 != "" { gsub(/"/, "", $1); sub(/\r$/, "", $1); print $1 }' "$file"
}

# Templates: the case folder's templates/ and the built-in ones.
_dlg_templates()
{
	local dir share f
	dir=$(_dlg_case_dir)
	share=${DLG_SHARE-}
	if [[ -z $share ]]; then
		local bin
		bin=$(command -v dlg-pdf 2>/dev/null) && share=${bin%/bin/*}/share/dlg
	fi
	for f in "$dir"/templates/*.md "$share"/templates/*.md; do
		[[ -f $f ]] || continue
		f=${f##*/}
		printf '%s\n' "${f%.md}"
	done
}

# Long and short options of a command, from its --help (cached).
declare -gA _dlg_opts_cache 2>/dev/null
_dlg_options()
{
	local cmd=$1
	if [[ -z ${_dlg_opts_cache[$cmd]-} ]]; then
		_dlg_opts_cache[$cmd]=$(LC_ALL=C "$cmd" --help 2>/dev/null |
			grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,' | sort -u | tr '\n' ' ')
	fi
	printf '%s\n' "${_dlg_opts_cache[$cmd]}"
}

_dlg_command()
{
	local cmd=$1 cur=$2 prev=$3
	case $prev in
	--session)
		COMPREPLY=($(compgen -W "$(_dlg_sessions)" -- "$cur"))
		return
		;;
	-C | --mail | --slips)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	-o | --output)
		COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.pdf' -- "$cur"))
		return
		;;
	--one-file | --pdf)
		COMPREPLY=($(compgen -f -X '!*.pdf' -- "$cur") $(compgen -d -- "$cur"))
		return
		;;
	-t | --template)
		COMPREPLY=($(compgen -W "$(_dlg_templates)" -- "$cur") $(compgen -f -X '!*.md' -- "$cur"))
		return
		;;
	--as)
		COMPREPLY=($(compgen -W "office signer" -- "$cur"))
		return
		;;
	--pkcs11)
		COMPREPLY=($(compgen -f -X '!*.so*' -- "$cur") $(compgen -d -- "$cur"))
		return
		;;
	--pkcs12)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	--pin-file)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	--token | --key)
		return
		;;
	--channel)
		COMPREPLY=($(compgen -W "paper online email post conference" -- "$cur"))
		return
		;;
	--envelope)
		COMPREPLY=($(compgen -W "dl c5" -- "$cur"))
		return
		;;
	--radio)
		COMPREPLY=($(compgen -f -X '!*.txt' -- "$cur") $(compgen -d -- "$cur"))
		return
		;;
	--from)
		COMPREPLY=($(compgen -W "cp1258 windows-1258 utf-8 utf-16" -- "$cur"))
		return
		;;
	--today | --sent)
		COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur"))
		return
		;;
	--holidays | --year)
		COMPREPLY=($(compgen -W "$(date +%Y) $(($(date +%Y) + 1))" -- "$cur"))
		return
		;;
	--soon | --number | --name-by | --table | --version | -h | --help)
		return
		;;
	--into | --answers | -a | --routes | --attendance | --notes | --items | --registrations)
		COMPREPLY=($(compgen -f -X '!*.csv' -- "$cur") $(compgen -d -- "$cur"))
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_dlg_options "$cmd")" -- "$cur"))
		return
	fi
	if [[ $cmd == dlg-sign ]]; then
		COMPREPLY=($(compgen -f -X '!*.pdf' -- "$cur") $(compgen -d -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -X '!*.csv' -- "$cur") $(compgen -d -- "$cur"))
}

_dlg()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local cmd=${COMP_WORDS[0]##*/}
	compopt -o filenames 2>/dev/null
	if [[ $cmd == dlg ]]; then
		if ((COMP_CWORD == 1)); then
			local names="init help" p
			for p in $(compgen -c dlg- | sort -u); do names+=" ${p#dlg-}"; done
			COMPREPLY=($(compgen -W "$names --help --version" -- "$cur"))
			return
		fi
		case ${COMP_WORDS[1]} in
		init)
			((COMP_CWORD == 2)) && COMPREPLY=($(compgen -d -- "$cur"))
			return
			;;
		help | -* | "") return ;;
		esac
		cmd=dlg-${COMP_WORDS[1]}
	fi
	_dlg_command "$cmd" "$cur" "$prev"
}

complete -F _dlg dlg dlg-register dlg-route dlg-deadline dlg-invite dlg-minutes dlg-reply dlg-report dlg-pdf dlg-outgoing \
	dlg-announce dlg-brief dlg-escalate dlg-attend dlg-post dlg-sign
