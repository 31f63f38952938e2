/*
 * deploylint's Python 3 lexer. Indentation (INDENT/DEDENT), logical line ends inside brackets
 * and blank lines are handled in PyLexerBase; this grammar only names the tokens.
 */
lexer grammar PyLexer;

options { superClass = PyLexerBase; }

tokens { INDENT, DEDENT }

FALSE    : 'False';
NONE     : 'None';
TRUE     : 'True';
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

NEWLINE : ('\r'? '\n' | '\r' | '\f') [ \t\f]* ;

STRING : STRING_PREFIX? (LONG_STRING | SHORT_STRING) ;

/* A string that runs to the end of its line (or, triple-quoted, to the end of the file). */
UNTERMINATED_STRING
    : STRING_PREFIX? ( '\'' ('\\' ~[\r\n] | ~[\\\r\n'])* | '"' ('\\' ~[\r\n] | ~[\\\r\n"])* )
    | STRING_PREFIX? '\'\'\'' ('\\' . | ~['\\] | '\'' ~'\'' | '\'\'' ~'\'')* EOF
    | STRING_PREFIX? '"""' ('\\' . | ~["\\] | '"' ~'"' | '""' ~'"')* EOF
    ;

NUMBER : (FLOAT | DEC_INT | HEX_INT | OCT_INT | BIN_INT) [jJ]? ;

NAME : ID_START ID_CONTINUE* ;

ELLIPSIS    : '...';
DOT         : '.';
STAR        : '*';
OPEN_PAREN  : '(';
CLOSE_PAREN : ')';
COMMA       : ',';
COLON       : ':';
SEMI        : ';';
POWER       : '**';
ASSIGN      : '=';
OPEN_BRACK  : '[';
CLOSE_BRACK : ']';
OR_OP       : '|';
XOR         : '^';
AND_OP      : '&';
LEFT_SHIFT  : '<<';
RIGHT_SHIFT : '>>';
ADD         : '+';
MINUS       : '-';
DIV         : '/';
MOD         : '%';
IDIV        : '//';
NOT_OP      : '~';
OPEN_BRACE  : '{';
CLOSE_BRACE : '}';
LESS_THAN   : '<';
GREATER_THAN: '>';
EQUALS      : '==';
GT_EQ       : '>=';
LT_EQ       : '<=';
NOT_EQ_1    : '<>';
NOT_EQ_2    : '!=';
AT          : '@';
ARROW       : '->';
WALRUS      : ':=';
ADD_ASSIGN  : '+=';
SUB_ASSIGN  : '-=';
MULT_ASSIGN : '*=';
AT_ASSIGN   : '@=';
DIV_ASSIGN  : '/=';
MOD_ASSIGN  : '%=';
AND_ASSIGN  : '&=';
OR_ASSIGN   : '|=';
XOR_ASSIGN  : '^=';
LEFT_SHIFT_ASSIGN  : '<<=';
RIGHT_SHIFT_ASSIGN : '>>=';
POWER_ASSIGN       : '**=';
IDIV_ASSIGN        : '//=';

SKIP_ : ( [ \t]+ | '\\' ('\r'? '\n' | '\r') ) -> skip ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;

/* Anything else is one error token; the parser reports it and recovers. */
ERROR_CHAR : . ;


fragment STRING_PREFIX : [rRbBuUfF] | [rR] [bBfF] | [bBfF] [rR] ;
fragment SHORT_STRING
    : '\'' ('\\' . | ~[\\\r\n'])* '\''
    | '"' ('\\' . | ~[\\\r\n"])* '"'
    ;
fragment LONG_STRING
    : '\'\'\'' ('\\' . | .)*? '\'\'\''
    | '"""' ('\\' . | .)*? '"""'
    ;

fragment DEC_INT : [0-9] ('_'? [0-9])* ;
fragment HEX_INT : '0' [xX] ('_'? [0-9a-fA-F])+ ;
fragment OCT_INT : '0' [oO] ('_'? [0-7])+ ;
fragment BIN_INT : '0' [bB] ('_'? [01])+ ;
fragment FLOAT
    : DEC_INT? '.' DEC_INT EXPONENT?
    | DEC_INT '.' EXPONENT?
    | DEC_INT EXPONENT
    ;
fragment EXPONENT : [eE] [+-]? DEC_INT ;

fragment ID_START    : [\p{L}\p{Nl}_] ;
fragment ID_CONTINUE : [\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_] ;
