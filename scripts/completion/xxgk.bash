# bash completion for xxgk (installed by `make install` into
# share/bash-completion/completions/xxgk).
_xxgk()
{
    local cur prev cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=${COMP_WORDS[1]}
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "parse check new render db recover case holidays serve user --help --version" -- "$cur"))
        return
    fi
    case $prev in
        --format)
            case $cmd in
                parse) COMPREPLY=($(compgen -W "json cells text tree" -- "$cur")) ;;
                check) COMPREPLY=($(compgen -W "human json markdown" -- "$cur")) ;;
                new) COMPREPLY=($(compgen -W "2019 2021" -- "$cur")) ;;
            esac
            return ;;
        --to) COMPREPLY=($(compgen -W "docx html md txt xlsx pdf json" -- "$cur")); return ;;
        --severity) COMPREPLY=($(compgen -W "note warning error" -- "$cur")); return ;;
        --explain)
            COMPREPLY=($(compgen -W "$(xxgk check --list-rules 2>/dev/null | awk '{print $1}')" -- "$cur"))
            return ;;
        --year|--body|--date) return ;;
    esac
    if [[ $cur == -* ]]; then
        local opts
        case $cmd in
            parse) opts="--format --sections --help" ;;
            check) opts="--format --severity --explain --list-rules --help" ;;
            new) opts="--year --body --format --date --blank -o --overwrite -f --help" ;;
            render) opts="-o --to --force --overwrite -f --help" ;;
            db) opts="--help" ;;
            serve) opts="--db --listen --idle --help" ;;
            user) opts="--db --role --body --region --password-stdin --by --help" ;;
            *) opts="--help" ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    if [[ $cmd == db && $COMP_CWORD -eq 2 ]]; then
        COMPREPLY=($(compgen -W "import list show rollup diff stats export query chart bodies status summary similar --help" -- "$cur"))
        return
    fi
    if [[ $cmd == user && $COMP_CWORD -eq 2 ]]; then
        COMPREPLY=($(compgen -W "add list passwd disable enable --help" -- "$cur"))
        return
    fi
    if [[ $prev == --role ]]; then
        COMPREPLY=($(compgen -W "admin supervisor head clerk" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _xxgk xxgk
